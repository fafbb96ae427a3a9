import type { CompletenessDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/rankings for any level (the province row carries the province's rates). */
export { fetchRankings as fetchLevelRanking } from '../rankings/rankings.api';

/** GET /api/periods/:period/completeness (province only). */
export function fetchCompleteness(period: string, signal?: AbortSignal): Promise<CompletenessDto> {
  return apiClient.get<CompletenessDto>(`/periods/${encodeURIComponent(period)}/completeness`, {
    signal,
  });
}
