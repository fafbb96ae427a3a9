import type { ScorecardDto, ScorecardIndicatorDto } from '@scorecard/contracts';

function indicator(
  code: string,
  weight: number,
  target: number,
  floor: number,
  rate: number | null,
  best: number | null,
  average: number | null,
): ScorecardIndicatorDto {
  const score =
    rate == null
      ? null
      : rate >= target
        ? 100
        : rate <= floor
          ? 0
          : (100 * (rate - floor)) / (target - floor);
  return {
    code,
    weight,
    target,
    floor,
    numerator: rate == null ? 0 : Math.round(rate * 1000),
    denominator: rate == null ? 0 : 1000,
    rate,
    score,
    gapToTarget: rate == null ? null : target - rate,
    best,
    average,
    gapToBest: rate == null || best == null ? null : best - rate,
    gapToAverage: rate == null || average == null ? null : average - rate,
  };
}

/** 上城区 (a county of 杭州市), shaped like GET /api/agencies/330102/scorecard. */
export function scorecardFixture(overrides: Partial<ScorecardDto> = {}): ScorecardDto {
  return {
    period: '2026-09',
    agencyCode: '330102',
    name: '上城区',
    level: 'county',
    parentCode: '330100',
    scope: 'aggregate',
    reported: true,
    published: true,
    score: 81.25,
    grade: 'good',
    ranks: {
      inParent: { rank: 3, of: 11, rankChange: 1 },
      inLevel: { rank: 27, of: 90, rankChange: -2 },
    },
    indicators: [
      indicator('enrollment_expansion', 20, 1, 0.6, 1.0001, 1.12, 0.91),
      indicator('collection', 20, 0.98, 0.8, 0.89, 0.99, 0.93),
      indicator('annual_inspection', 10, 1, 0.7, 0.85, 0.99, 0.88),
      indicator('first_inquiry', 10, 1, 0.8, 0.9, 1, 0.92),
      indicator('ab_post', 10, 1, 0.8, null, 1, 0.9),
      indicator('online_reply', 10, 0.95, 0.7, 0.9, 0.99, 0.85),
      indicator('satisfaction', 20, 0.9, 0.6, 0.878138, 0.97, 0.86),
    ],
    dimensions: [
      { name: '业务经办', weight: 50, score: 76.5 },
      { name: '服务质量', weight: 50, score: 85.94 },
    ],
    scheme: { year: 2026, version: 1 },
    trend: Array.from({ length: 12 }, (_, i) => ({
      period: `2025-${String(10 + i > 12 ? i - 2 : 10 + i).padStart(2, '0')}`.replace(
        /^2025-(0[1-9])$/,
        '2026-$1',
      ),
      score: i === 4 ? null : 70 + i,
      grade: i === 4 ? null : 'pass',
      rankInParent: i === 4 ? null : 11 - (i % 8),
      rankInLevel: i === 4 ? null : 60 - i * 3,
    })),
    ...overrides,
  };
}
