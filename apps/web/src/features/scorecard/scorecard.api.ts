import type { ScorecardDto, Scope } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/agencies/:code/scorecard?period=&scope= */
export function fetchScorecard(
  code: string,
  period: string,
  scope: Scope,
  signal?: AbortSignal,
): Promise<ScorecardDto> {
  return apiClient.get<ScorecardDto>(`/agencies/${encodeURIComponent(code)}/scorecard`, {
    query: { period, scope },
    signal,
  });
}
