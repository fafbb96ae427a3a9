import { type CalendarDays, isIsoDay } from './working-calendar';

export interface CalendarProblem {
  /** `holidays[2]`, `workdays[0]`: the list and the position as the caller sent them. */
  field: string;
  /** What is wrong, as a message key the API words in the caller's language. */
  key:
    | 'calendar.notADate'
    | 'calendar.outsideYear'
    | 'calendar.listedTwice'
    | 'calendar.holidayAndWorkday';
  params: Record<string, string | number>;
}

/**
 * What is wrong with a year's calendar as a province would save it: every day a real YYYY-MM-DD
 * day of that year, none listed twice, none both a holiday and a make-up workday.
 */
export function calendarYearProblems(year: number, days: CalendarDays): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Map<string, string>();
  for (const list of ['holidays', 'workdays'] as const) {
    days[list].forEach((day, index) => {
      const field = `${list}[${index}]`;
      if (typeof day !== 'string' || !isIsoDay(day)) {
        problems.push({ field, key: 'calendar.notADate', params: { value: String(day) } });
      } else if (Number(day.slice(0, 4)) !== year) {
        problems.push({ field, key: 'calendar.outsideYear', params: { day, year } });
      } else if (seen.has(day)) {
        const first = seen.get(day) as string;
        problems.push({
          field,
          key: first.startsWith(list) ? 'calendar.listedTwice' : 'calendar.holidayAndWorkday',
          params: { day, first },
        });
      } else {
        seen.set(day, field);
      }
    });
  }
  return problems;
}
