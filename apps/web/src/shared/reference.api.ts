import type { AgencyDto, IndicatorDto, PeriodDto } from '@scorecard/contracts';
import { apiClient } from './api-client';

/** GET /api/periods — newest first. */
export function fetchPeriods(signal?: AbortSignal): Promise<PeriodDto[]> {
  return apiClient.get<PeriodDto[]>('/periods', { signal });
}

/** GET /api/indicators?year= — the indicator scheme of a year. */
export function fetchIndicators(year: number, signal?: AbortSignal): Promise<IndicatorDto[]> {
  return apiClient.get<IndicatorDto[]>('/indicators', { query: { year }, signal });
}

/** GET /api/agencies */
export function fetchAgencies(signal?: AbortSignal): Promise<AgencyDto[]> {
  return apiClient.get<AgencyDto[]>('/agencies', { signal });
}
