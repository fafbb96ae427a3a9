import type {
  AgencyLevel,
  RankingsDto,
  RankingTableDto,
  RankingView,
  Scope,
} from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** The levels the league-table page offers (the provinces only to the nation). */
export type RankingLevel = 'province' | 'city' | 'county';

export interface RankingsQuery {
  period: string;
  level: AgencyLevel;
  scope: Scope;
  /** Only the children of this agency (counties of one city). */
  parent?: string | null;
  /** `table`: the compact answer, for the nation's tables (see loadRankings). */
  view?: RankingView;
}

/** GET /api/rankings?period=&level=&scope=&parent=&view=; compact only when `view` says so. */
export function fetchRankings(
  query: RankingsQuery & { view?: 'full' },
  signal?: AbortSignal,
): Promise<RankingsDto>;
export function fetchRankings(
  query: RankingsQuery,
  signal?: AbortSignal,
): Promise<RankingsDto | RankingTableDto>;
export function fetchRankings(
  query: RankingsQuery,
  signal?: AbortSignal,
): Promise<RankingsDto | RankingTableDto> {
  return apiClient.get<RankingsDto | RankingTableDto>('/rankings', {
    query: {
      period: query.period,
      level: query.level,
      scope: query.scope,
      parent: query.parent ?? undefined,
      view: query.view === 'table' ? 'table' : undefined,
    },
    signal,
  });
}
