import type { PeriodStatus } from './period.contract';

/** GET/PUT /api/calendar/:year — the province's holidays and make-up workdays of one year. */
export interface CalendarDto {
  year: number;
  /** ISO days (YYYY-MM-DD) off work, weekdays or not. */
  holidays: string[];
  /** ISO days worked although on a weekend (调休上班). */
  workdays: string[];
}

/** GET /api/calendar/:year/due-dates — the months whose due dates fall in that year. */
export interface CalendarDueDatesDto {
  year: number;
  months: {
    /** YYYY-MM */
    period: string;
    /**
     * ISO day the month's figures are due: for a locked or published month the day it was judged
     * by; otherwise as the scheme of its year and the calendar decide it now.
     */
    dueDate: string;
    dueDay: number;
    dueOnWorkingDay: boolean;
    /** The month's lifecycle status; null when it has not opened yet. */
    status: PeriodStatus | null;
  }[];
}
