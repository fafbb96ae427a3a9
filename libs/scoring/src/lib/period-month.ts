import { addCalendarDays, type WorkingCalendar } from './working-calendar';

/** Month arithmetic on `YYYY-MM` period keys. */
export const PERIOD_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

export function shiftPeriod(period: string, months: number): string {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
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

/** How a scheme sets a month's due date (考核方案: `dueDay`, `dueOnWorkingDay`). */
export interface DueDateRule {
  /** Day of the following month (or its n-th working day) by which a month's figures are due. */
  dueDay: number;
  /** Count `dueDay` in working days of the following month rather than calendar days. */
  dueOnWorkingDay: boolean;
}

/**
 * ISO date (YYYY-MM-DD) on which a month's figures are due. With `dueOnWorkingDay`, the
 * `dueDay`-th working day of the following month; otherwise day `dueDay` of the following month
 * (its last day when shorter), moved on to the next working day when it is not one. `calendar`
 * must know the holidays of the following month's year (the next year's when the month is
 * December).
 */
export function dueDateOf(period: string, rule: DueDateRule & { calendar: WorkingCalendar }): string {
  const { dueDay, dueOnWorkingDay, calendar } = rule;
  if (!Number.isInteger(dueDay) || dueDay < 1) throw new RangeError(`due day ${dueDay}: count from 1`);
  const next = shiftPeriod(period, 1);
  if (dueOnWorkingDay) return calendar.nthWorkingDayOfMonth(next, dueDay);
  const lastDay = Number(addCalendarDays(`${shiftPeriod(next, 1)}-01`, -1).slice(8));
  const day = `${next}-${String(Math.min(dueDay, lastDay)).padStart(2, '0')}`;
  return calendar.isWorkingDay(day) ? day : calendar.addWorkingDays(day, 1);
}

/** Whether a submission made at `at` is after the due date (end of that day, Shanghai time). */
export function isLate(at: Date, dueDate: string): boolean {
  const endOfDueDayShanghai = Date.parse(`${dueDate}T23:59:59.999+08:00`);
  return at.getTime() > endOfDueDayShanghai;
}
