import { addCalendarDays, type CalendarDays, workingCalendar } from '@scorecard/scoring';

export type DayKind = 'holiday' | 'workday' | null;

export interface DayCell {
  date: string;
  day: number;
  weekend: boolean;
  /** What the province listed for the day, if anything. */
  kind: DayKind;
  working: boolean;
}

/** A month as weeks of seven cells, Monday first; null pads the days of other months. */
export function monthWeeks(period: string, days: CalendarDays): (DayCell | null)[][] {
  const calendar = workingCalendar(days);
  const holidays = new Set(days.holidays);
  const workdays = new Set(days.workdays);
  const first = `${period}-01`;
  // Monday = 0 … Sunday = 6.
  const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cells: (DayCell | null)[] = Array.from({ length: lead }, () => null);
  for (let date = first; date.startsWith(period); date = addCalendarDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    cells.push({
      date,
      day: Number(date.slice(8)),
      weekend: weekday === 0 || weekday === 6,
      kind: holidays.has(date) ? 'holiday' : workdays.has(date) ? 'workday' : null,
      working: calendar.isWorkingDay(date),
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/**
 * What a click on a day does: a weekday becomes a holiday or back; a weekend day becomes a make-up
 * workday (调休上班) or back. Lists stay sorted, as the API answers them.
 */
export function toggleDay(
  days: CalendarDays,
  date: string,
): { holidays: string[]; workdays: string[] } {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const holidays = days.holidays.filter((day) => day !== date);
  const workdays = days.workdays.filter((day) => day !== date);
  const wasListed =
    holidays.length !== days.holidays.length || workdays.length !== days.workdays.length;
  if (!wasListed) (weekend ? workdays : holidays).push(date);
  return { holidays: holidays.sort(), workdays: workdays.sort() };
}

/** Whether two calendars list the same days. */
export function sameDays(a: CalendarDays, b: CalendarDays): boolean {
  const key = (days: CalendarDays) =>
    `${[...days.holidays].sort().join()}|${[...days.workdays].sort().join()}`;
  return key(a) === key(b);
}

/** Day of the week of an ISO day, 0 = Sunday (for the weekday labels). */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
