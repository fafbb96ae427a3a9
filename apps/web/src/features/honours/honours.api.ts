import type { HonoursDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/**
 * GET /api/honours?year=&province= — the year's honour roll (荣誉榜). `province` (national
 * deployments, the nation's users): one province's roll; without it, the provinces' roll.
 */
export function fetchHonours(
  year: number,
  province: string | null,
  signal?: AbortSignal,
): Promise<HonoursDto> {
  const query: Record<string, string> = { year: String(year) };
  if (province) query['province'] = province;
  return apiClient.get<HonoursDto>('/honours', { query, signal });
}
