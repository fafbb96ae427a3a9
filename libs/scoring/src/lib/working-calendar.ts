/**
 * The province's working-day calendar (工作日): weekends are non-working unless listed as make-up
 * workdays (调休上班), weekdays are working unless listed as holidays. Nothing is invented: an
 * empty calendar means only weekends are non-working. Dates are ISO days (YYYY-MM-DD).
 */
export interface CalendarDays {
  holidays: readonly string[];
  workdays: readonly string[];
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /**
   * The day `n` working days after `date` (`date` itself not counted; negative `n` counts back).
   * `addWorkingDays(d, 0)` is `d`. Deadlines "within n working days" of `d` end on this day.
   */
  addWorkingDays(date: string, n: number): string;
  /**
   * The `n`-th working day (from 1) of the month `period` (YYYY-MM); counting runs on into the
   * next month when the month has fewer than `n` working days.
   */
  nthWorkingDayOfMonth(period: string, n: number): string;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** Whether `value` is a real calendar day written YYYY-MM-DD (no 2026-02-30). */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** The day `days` calendar days after `date`. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Builds the calendar from the listed days of one or more years (every year a question may reach). */
export function workingCalendar(
  days: CalendarDays = { holidays: [], workdays: [] },
): WorkingCalendar {
  const holidays = new Set(days.holidays);
  const workdays = new Set(days.workdays);
  const isWorkingDay = (date: string): boolean => {
    if (!isIsoDay(date)) throw new RangeError(`not a day: ${date}`);
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  const addWorkingDays = (date: string, n: number): string => {
    if (!Number.isInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`);
    if (!isIsoDay(date)) throw new RangeError(`not a day: ${date}`);
    const step = n < 0 ? -1 : 1;
    let day = date;
    for (let left = Math.abs(n); left > 0;) {
      day = addCalendarDays(day, step);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  };
  return {
    isWorkingDay,
    addWorkingDays,
    nthWorkingDayOfMonth(period: string, n: number): string {
      if (!Number.isInteger(n) || n < 1)
        throw new RangeError(`working day ${n} of a month: count from 1`);
      return addWorkingDays(addCalendarDays(`${period}-01`, -1), n);
    },
  };
}
