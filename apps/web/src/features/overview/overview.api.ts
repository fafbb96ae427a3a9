import type { AgencyLevel, CompletenessDto, RankingsDto, Scope } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

export interface LevelRankingQuery {
  period: string;
  level: AgencyLevel;
  scope: Scope;
  parent?: string | null;
}

/** GET /api/rankings for any level (the province row carries the province's rates). */
export function fetchLevelRanking(
  query: LevelRankingQuery,
  signal?: AbortSignal,
): Promise<RankingsDto> {
  return apiClient.get<RankingsDto>('/rankings', {
    query: {
      period: query.period,
      level: query.level,
      scope: query.scope,
      parent: query.parent ?? undefined,
    },
    signal,
  });
}

/** GET /api/periods/:period/completeness (province only). */
export function fetchCompleteness(period: string, signal?: AbortSignal): Promise<CompletenessDto> {
  return apiClient.get<CompletenessDto>(`/periods/${encodeURIComponent(period)}/completeness`, {
    signal,
  });
}
