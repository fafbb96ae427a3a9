import type { AgencyLevel, RankingsDto, Scope } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** The levels the league-table page offers (the provinces only to the nation). */
export type RankingLevel = 'province' | 'city' | 'county';

export interface RankingsQuery {
  period: string;
  level: AgencyLevel;
  scope: Scope;
  /** Only the children of this agency (counties of one city). */
  parent?: string | null;
}

/** GET /api/rankings?period=&level=&scope=&parent= */
export function fetchRankings(query: RankingsQuery, signal?: AbortSignal): Promise<RankingsDto> {
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
