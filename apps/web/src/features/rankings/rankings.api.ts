import type { AgencyLevel, RankingsDto, RankingTableDto, RankingView, Scope } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';
import { expandRankingTable } from './ranking-table';

/** The levels the league-table page offers (the provinces only to the nation). */
export type RankingLevel = 'province' | 'city' | 'county';

export interface RankingsQuery {
  period: string;
  level: AgencyLevel;
  scope: Scope;
  /** Only the children of this agency (counties of one city). */
  parent?: string | null;
  /** `table`: the compact answer, for the nation's tables of thousands of rows (read as the whole). */
  view?: RankingView;
}

/** GET /api/rankings?period=&level=&scope=&parent=&view= */
export async function fetchRankings(query: RankingsQuery, signal?: AbortSignal): Promise<RankingsDto> {
  const compact = query.view === 'table';
  const answer = await apiClient.get<RankingsDto | RankingTableDto>('/rankings', {
    query: {
      period: query.period,
      level: query.level,
      scope: query.scope,
      parent: query.parent ?? undefined,
      view: compact ? 'table' : undefined,
    },
    signal,
  });
  return compact ? expandRankingTable(answer as RankingTableDto) : (answer as RankingsDto);
}
