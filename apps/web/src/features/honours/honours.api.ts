import type { HonoursDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/honours?year= — the year's honour roll (荣誉榜). */
export function fetchHonours(year: number, signal?: AbortSignal): Promise<HonoursDto> {
  return apiClient.get<HonoursDto>('/honours', { query: { year: String(year) }, signal });
}
