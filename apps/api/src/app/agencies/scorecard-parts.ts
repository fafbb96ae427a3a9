import type { IndicatorResultDto, ScorecardIndicatorDto, ScorecardTrendPointDto } from '@scorecard/contracts';
import { shiftPeriod } from '@scorecard/scoring';

const NOT_APPLICABLE: IndicatorResultDto = { numerator: 0, denominator: 0, rate: null, score: null };

/**
 * One indicator of a scorecard: the agency's figures beside the target and its peers' best rate
 * and average (a ratio of their sums, computed by the caller from the figures it holds).
 */
export function compareIndicator(
  indicator: { code: string; weight: string | number; target: string | number; floor: string | number },
  mine: IndicatorResultDto | undefined,
  peers: { rates: number[]; average: number | null },
): ScorecardIndicatorDto {
  const figures = mine ?? NOT_APPLICABLE;
  const best = peers.rates.length > 0 ? Math.max(...peers.rates) : null;
  const target = Number(indicator.target);
  const gap = (reference: number | null) =>
    figures.rate === null || reference === null ? null : reference - figures.rate;
  return {
    code: indicator.code,
    weight: Number(indicator.weight),
    target,
    floor: Number(indicator.floor),
    ...figures,
    gapToTarget: gap(target),
    best,
    average: peers.average,
    gapToBest: gap(best),
    gapToAverage: gap(peers.average),
  };
}

/** The twelve months up to `last`, each with the stored result of that month if there is one. */
export function twelveMonthTrend(
  last: string,
  history: readonly {
    period: string;
    score: string | null;
    grade: ScorecardTrendPointDto['grade'];
    rankInParent: number | null;
    rankInLevel: number | null;
  }[],
): ScorecardTrendPointDto[] {
  const byPeriod = new Map(history.map((row) => [row.period, row]));
  return Array.from({ length: 12 }, (_, i) => {
    const month = shiftPeriod(last, i - 11);
    const row = byPeriod.get(month);
    return {
      period: month,
      score: row?.score == null ? null : Number(row.score),
      grade: row?.grade ?? null,
      rankInParent: row?.rankInParent ?? null,
      rankInLevel: row?.rankInLevel ?? null,
    };
  });
}
