import type { AgencyDto, IndicatorDto, PeriodDto } from '@scorecard/contracts';
import { apiClient } from './api-client';

/** GET /api/periods — newest first. */
export function fetchPeriods(signal?: AbortSignal): Promise<PeriodDto[]> {
  return apiClient.get<PeriodDto[]>('/periods', { signal });
}

/**
 * GET /api/indicators?year= — a year's latest scheme version; `{ period }`: the version in force
 * that month (a year's scheme may change from a month on).
 */
export function fetchIndicators(
  when: number | { period: string },
  signal?: AbortSignal,
): Promise<IndicatorDto[]> {
  const query = typeof when === 'number' ? { year: when } : { period: when.period };
  return apiClient.get<IndicatorDto[]>('/indicators', { query, signal });
}

/** GET /api/agencies */
export function fetchAgencies(signal?: AbortSignal): Promise<AgencyDto[]> {
  return apiClient.get<AgencyDto[]>('/agencies', { signal });
}
