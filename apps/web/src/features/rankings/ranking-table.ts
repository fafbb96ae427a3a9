import type { RankingsDto, RankingTableDto } from '@scorecard/contracts';
import { rateOfFigures } from '@scorecard/scoring';
import { fetchRankings, type RankingsQuery } from './rankings.api';

/**
 * A league table in the form the pages read, asked for compact when the query says so
 * (`view=table`, the nation's tables of thousands of rows) and then read as the whole.
 */
export async function loadRankings(
  query: RankingsQuery,
  signal?: AbortSignal,
): Promise<RankingsDto> {
  const answer = await fetchRankings(query, signal);
  // The answer says which form it is in.
  return 'indicatorCodes' in answer ? expandRankingTable(answer) : answer;
}

/**
 * A compact league table (`view=table`) in the form the pages read: each row's indicators by code,
 * with the rate worked out from its figures as the computation did. What the compact form leaves
 * out stays out: no indicator scores, no rectification counts.
 */
export function expandRankingTable(table: RankingTableDto): RankingsDto {
  const { indicatorCodes, rows, ...rest } = table;
  return {
    ...rest,
    rows: rows.map(({ figures, ...row }) => {
      const indicators: RankingsDto['rows'][number]['indicators'] = {};
      indicatorCodes.forEach((code, i) => {
        const pair = figures[i];
        if (!pair) return;
        const [numerator, denominator] = pair;
        indicators[code] = {
          numerator,
          denominator,
          rate: rateOfFigures(numerator, denominator),
          score: null,
        };
      });
      return { ...row, level: table.level, indicators };
    }),
  };
}
