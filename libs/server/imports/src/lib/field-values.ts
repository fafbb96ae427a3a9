import type { ImportCell } from './import-cell';

/** Satisfaction channels, with the names the 好差评 system and agencies use for them. */
const CHANNELS: Record<string, string> = {
  window: 'window',
  窗口: 'window',
  online: 'online',
  网上: 'online',
  网厅: 'online',
  网上办事大厅: 'online',
  phone: 'phone',
  电话: 'phone',
  app: 'app',
  移动端: 'app',
  手机: 'app',
};

/** 5-level 好差评 ratings: 5 非常满意 … 1 非常不满意. */
const LEVELS: Record<string, number> = {
  非常满意: 5,
  满意: 4,
  基本满意: 3,
  一般: 3,
  不满意: 2,
  非常不满意: 1,
};

export const CHANNEL_CODES = ['window', 'online', 'phone', 'app'] as const;

/** The cell as the text a person typed: numbers print as they are, dates as ISO text. */
export function cellText(cell: ImportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime())
      ? ''
      : cell.toISOString().replace('.000Z', '').replace('Z', '');
  if (typeof cell === 'object') return `=${cell.formula}`;
  return String(cell);
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @ in front, or a tab or return that
 * hides one). Signed numbers are figures, not formulas.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text);
}

export function parseChannel(text: string): string | null {
  const name = text.toLowerCase();
  // Own names only: "constructor" is no channel.
  return Object.hasOwn(CHANNELS, name) ? (CHANNELS[name] as string) : null;
}

export function parseLevel(cell: ImportCell): number | null {
  const text = cellText(cell);
  if (/^[1-5](\.0+)?$/.test(text)) return Number(text);
  return Object.hasOwn(LEVELS, text) ? (LEVELS[text] as number) : null;
}

/** Six-digit GB/T 2260 division code; Excel may have dropped a code to a number, which is fine. */
export function isAgencyCode(text: string): boolean {
  return /^\d{6}$/.test(text);
}
