import { shiftPeriod } from './period-month';
import { WINDOW_PATTERN } from './window-pattern';

/** How long a reporting window (考核周期) is: one month, a quarter, a half-year or a year. */
export type WindowKind = 'month' | 'quarter' | 'half' | 'year';

export interface ReportingWindow {
  kind: WindowKind;
  /** As written in a request: `2026-07`, `2026-Q3`, `2026-H1`, `2026`. */
  period: string;
  year: number;
  /** Its months (YYYY-MM), oldest first. */
  months: string[];
}

const LENGTH: Record<WindowKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** `2026-Q3` → July to September; `2026-H1` → January to June; `2026` → the year; null for any other text. */
export function parseWindow(text: string): ReportingWindow | null {
  if (typeof text !== 'string' || !WINDOW_PATTERN.test(text)) return null;
  const year = Number(text.slice(0, 4));
  const part = text.slice(5);
  if (part === '') return windowOf('year', year, 1);
  if (part.startsWith('Q')) return windowOf('quarter', year, (Number(part.slice(1)) - 1) * 3 + 1);
  if (part.startsWith('H')) return windowOf('half', year, (Number(part.slice(1)) - 1) * 6 + 1);
  return windowOf('month', year, Number(part));
}

/** Whether `text` names a window longer than a month (a quarter, a half-year or a year). */
export function isMultiMonthWindow(text: string): boolean {
  const window = parseWindow(text);
  return window !== null && window.kind !== 'month';
}

/** The window of the same kind just before: 2026-Q1 → 2025-Q4, 2026-H1 → 2025-H2, 2026 → 2025. */
export function previousWindow(window: ReportingWindow): ReportingWindow {
  const [start = `${window.year}-01`] = window.months;
  const first = shiftPeriod(start, -LENGTH[window.kind]);
  return windowOf(window.kind, Number(first.slice(0, 4)), Number(first.slice(5, 7)));
}

function windowOf(kind: WindowKind, year: number, firstMonth: number): ReportingWindow {
  const start = `${year}-${String(firstMonth).padStart(2, '0')}`;
  const months = Array.from({ length: LENGTH[kind] }, (_, i) => shiftPeriod(start, i));
  const index = Math.floor((firstMonth - 1) / LENGTH[kind]) + 1;
  const period =
    kind === 'year' ? `${year}` : kind === 'month' ? start : `${year}-${kind === 'quarter' ? 'Q' : 'H'}${index}`;
  return { kind, period, year, months };
}
