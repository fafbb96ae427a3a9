import type {
  IndicatorDto,
  IndicatorResultDto,
  PeriodDto,
  RankingRowDto,
  RankingsDto,
} from '@scorecard/contracts';

/** Test fixtures shaped like the API answers (Zhejiang cities). */

export const INDICATORS: IndicatorDto[] = [
  ['enrollment_expansion', '扩面任务完成率', 'Enrollment expansion', 20, 1, 0.6, true, false],
  ['collection', '医保费征缴率', 'Contribution collection', 20, 0.98, 0.8, false, true],
  ['annual_inspection', '参保单位年检率', 'Employer annual inspection', 10, 1, 0.7, false, false],
  ['first_inquiry', '首问负责制落实率', 'First-inquiry responsibility', 10, 1, 0.8, false, false],
  ['ab_post', 'AB岗制度落实率', 'A/B post cover', 10, 1, 0.8, false, false],
  ['online_reply', '网上咨询按时回复率', 'Online replies on time', 10, 0.95, 0.7, false, false],
  ['satisfaction', '参保人员满意度', 'Satisfaction', 20, 0.9, 0.6, false, false],
].map(([code, nameZh, nameEn, weight, target, floor, allowsOverTarget, monetary], index) => ({
  code: code as string,
  nameZh: nameZh as string,
  nameEn: nameEn as string,
  dimension: index < 3 ? '业务经办' : '服务质量',
  numeratorLabel: '',
  denominatorLabel: '',
  weight: weight as number,
  target: target as number,
  floor: floor as number,
  allowsOverTarget: allowsOverTarget as boolean,
  monetary: monetary as boolean,
  sortOrder: index + 1,
}));

function result(numerator: number, denominator: number): IndicatorResultDto {
  return denominator === 0
    ? { numerator, denominator, rate: null, score: null }
    : { numerator, denominator, rate: numerator / denominator, score: 80 };
}

function indicators(satisfaction: [number, number]): Record<string, IndicatorResultDto> {
  return {
    enrollment_expansion: result(10001, 10000),
    collection: result(123456.78, 130000),
    annual_inspection: result(0, 0),
    first_inquiry: result(49, 50),
    ab_post: result(20, 20),
    online_reply: result(190, 200),
    satisfaction: result(...satisfaction),
  };
}

function row(
  partial: Partial<RankingRowDto> & Pick<RankingRowDto, 'agencyCode' | 'name'>,
): RankingRowDto {
  return {
    rank: null,
    level: 'city',
    parentCode: '330000',
    score: null,
    grade: null,
    rankChange: null,
    reported: true,
    indicators: indicators([7624, 8682]),
    ...partial,
  };
}

/** Ranked rows first (with a tie at 2), then one unreported city. */
export const CITY_ROWS: RankingRowDto[] = [
  row({
    rank: 1,
    agencyCode: '330100',
    name: '杭州市',
    score: 92.5,
    grade: 'excellent',
    rankChange: 2,
  }),
  row({
    rank: 2,
    agencyCode: '330200',
    name: '宁波市',
    score: 85.5,
    grade: 'good',
    rankChange: -1,
  }),
  row({ rank: 2, agencyCode: '330300', name: '温州市', score: 85.5, grade: 'good', rankChange: 0 }),
  row({
    rank: 4,
    agencyCode: '330400',
    name: '嘉兴市',
    score: 71.2,
    grade: 'pass',
    rankChange: null,
  }),
  row({ rank: 5, agencyCode: '330500', name: '湖州市', score: 64, grade: 'basic', rankChange: -3 }),
  row({
    rank: 6,
    agencyCode: '330600',
    name: '绍兴市',
    score: 55.25,
    grade: 'fail',
    rankChange: 1,
  }),
  row({ agencyCode: '330700', name: '金华市', reported: false, indicators: {} }),
];

/** The cities in the API's order: by rank, ties by code, 未报送 last. */
export const CITY_CODES_BY_RANK: readonly string[] = [
  '330100',
  '330200',
  '330300',
  '330400',
  '330500',
  '330600',
  '330700',
];

export function rankingsFixture(overrides: Partial<RankingsDto> = {}): RankingsDto {
  return {
    period: '2026-09',
    status: 'published',
    level: 'city',
    parent: null,
    scope: 'aggregate',
    version: 1,
    computedAt: '2026-10-06T02:30:00.000Z',
    stale: false,
    scheme: { year: 2026, version: 1 },
    rows: CITY_ROWS,
    ...overrides,
  };
}

export const PERIODS: PeriodDto[] = [
  {
    period: '2026-10',
    status: 'open',
    dueDate: '2026-11-05',
    stale: false,
    computedAt: null,
    reportedCount: 60,
    expectedCount: 102,
    publishedVersion: 0,
  },
  {
    period: '2026-09',
    status: 'published',
    dueDate: '2026-10-05',
    stale: false,
    computedAt: '2026-10-06T02:30:00.000Z',
    reportedCount: 101,
    expectedCount: 102,
    publishedVersion: 1,
  },
  {
    period: '2026-08',
    status: 'published',
    dueDate: '2026-09-05',
    stale: true,
    computedAt: '2026-09-06T02:30:00.000Z',
    reportedCount: 102,
    expectedCount: 102,
    publishedVersion: 2,
  },
];
