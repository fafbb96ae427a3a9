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
    /** ISO day the month's figures are due, as the scheme of its year and the calendar decide. */
    dueDate: string;
    dueDay: number;
    dueOnWorkingDay: boolean;
  }[];
}
