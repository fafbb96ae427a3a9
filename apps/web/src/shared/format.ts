/**
 * Small, pure display formatters. Numbers are rounded half away from zero on their shortest
 * decimal representation (0.87815 → "87.82 %"), so binary float noise never shows.
 */

/** Placeholder for "no value". */
export const EMPTY_MARK = '—';

/** Rounds `value` to `decimals` places using decimal (not binary) arithmetic. */
export function roundDecimal(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  const shifted = Number(`${mantissa}e${Number(exponent) + decimals}`);
  const rounded = Math.sign(shifted) * Math.round(Math.abs(shifted));
  const [mantissa2 = '0', exponent2 = '0'] = String(rounded).split('e');
  const result = Number(`${mantissa2}e${Number(exponent2) - decimals}`);
  return Object.is(result, -0) ? 0 : result;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A fraction as a percentage with 2 decimals and a space: 0.878138 → "87.81 %". */
export function formatPercent(rate: number | null | undefined, fallback = EMPTY_MARK): string {
  if (!isNumber(rate)) return fallback;
  return `${roundDecimal(rate * 100, 2).toFixed(2)} %`;
}

/** A 0–100 score with 2 decimals: 87.8 → "87.80". */
export function formatScore(score: number | null | undefined, fallback = EMPTY_MARK): string {
  if (!isNumber(score)) return fallback;
  return roundDecimal(score, 2).toFixed(2);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An integer count with thousands separators: 12345 → "12,345". */
export function formatCount(value: number | null | undefined, fallback = EMPTY_MARK): string {
  if (!isNumber(value)) return fallback;
  const rounded = roundDecimal(value, 2);
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${groupThousands(whole)}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Money in yuan with 2 decimals: 1234.56 or "1234.56" → "¥1,234.56". Decimal strings are
 * formatted digit by digit so large amounts keep every fen.
 */
export function formatMoney(
  amount: number | string | null | undefined,
  fallback = EMPTY_MARK,
): string {
  if (amount == null) return fallback;
  let text: string;
  if (typeof amount === 'string') {
    const trimmed = amount.trim();
    if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return fallback;
    text = trimmed;
    const [, fraction = ''] = text.split('.');
    if (fraction.length > 2) text = roundDecimal(Number(text), 2).toFixed(2);
  } else {
    if (!isNumber(amount)) return fallback;
    text = roundDecimal(amount, 2).toFixed(2);
  }
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const normalisedWhole = whole.replace(/^0+(?=\d)/, '');
  const cents = fraction.padEnd(2, '0');
  const isZero = /^0*$/.test(normalisedWhole) && /^0*$/.test(cents);
  return `${negative && !isZero ? '-' : ''}¥${groupThousands(normalisedWhole)}.${cents}`;
}

export type RankChangeDirection = 'up' | 'down' | 'same' | 'none';

export interface RankChangeDisplay {
  direction: RankChangeDirection;
  /** Places moved, always ≥ 0. */
  places: number;
  /** "▲2", "▼3" or "—". */
  text: string;
}

/** Rank change (positive = moved up) as an arrow: 2 → "▲2", -3 → "▼3", 0 / null → "—". */
export function formatRankChange(change: number | null | undefined): RankChangeDisplay {
  if (!isNumber(change)) return { direction: 'none', places: 0, text: EMPTY_MARK };
  if (change > 0) return { direction: 'up', places: change, text: `▲${change}` };
  if (change < 0) return { direction: 'down', places: -change, text: `▼${-change}` };
  return { direction: 'same', places: 0, text: EMPTY_MARK };
}

const shanghaiParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant as Beijing time "2026-10-05 14:30" (the province works in UTC+8). */
export function formatDateTime(iso: string | null | undefined, fallback = EMPTY_MARK): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return fallback;
  const parts = new Map(shanghaiParts.formatToParts(date).map((p) => [p.type, p.value]));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.get(type) ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
