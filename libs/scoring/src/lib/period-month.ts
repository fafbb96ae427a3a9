/** Month arithmetic on `YYYY-MM` period keys. */
export const PERIOD_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

export function shiftPeriod(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const shiftedYear = Math.floor(index / 12);
  const shiftedMonth = (index % 12) + 1;
  return `${shiftedYear}-${String(shiftedMonth).padStart(2, '0')}`;
}

export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

/** The month that `at` falls in, in Asia/Shanghai time (UTC+8, no daylight saving). */
export function periodOf(at: Date): string {
  return dayOf(at).slice(0, 7);
}

/** The calendar day (YYYY-MM-DD) that `at` falls on, in Asia/Shanghai time. */
export function dayOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** ISO date (YYYY-MM-DD) on which a month's figures are due: `dueDay` of the following month. */
export function dueDateOf(period: string, dueDay: number): string {
  return `${shiftPeriod(period, 1)}-${String(dueDay).padStart(2, '0')}`;
}

/** Whether a submission made at `at` is after the due date (end of that day, Shanghai time). */
export function isLate(at: Date, dueDate: string): boolean {
  const endOfDueDayShanghai = Date.parse(`${dueDate}T23:59:59.999+08:00`);
  return at.getTime() > endOfDueDayShanghai;
}
