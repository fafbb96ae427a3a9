import type { CalendarDto, CalendarDueDatesDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/calendar/:year — that year's holidays and make-up workdays. */
export function fetchCalendar(year: number, signal?: AbortSignal): Promise<CalendarDto> {
  return apiClient.get<CalendarDto>(`/calendar/${year}`, { signal });
}

/** GET /api/calendar/:year/due-dates — the months due in that year, with their schemes' rule. */
export function fetchCalendarDueDates(
  year: number,
  signal?: AbortSignal,
): Promise<CalendarDueDatesDto> {
  return apiClient.get<CalendarDueDatesDto>(`/calendar/${year}/due-dates`, { signal });
}

/** PUT /api/calendar/:year — replaces the whole year. */
export function saveCalendar(
  year: number,
  days: { holidays: string[]; workdays: string[] },
): Promise<CalendarDto> {
  return apiClient.put<CalendarDto>(`/calendar/${year}`, days);
}

/** POST /api/calendar/:year/import (multipart `file`) — replaces the year, or nothing on one bad row. */
export function importCalendar(year: number, file: File): Promise<CalendarDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiClient.postForm<CalendarDto>(`/calendar/${year}/import`, form);
}
