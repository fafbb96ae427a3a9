import type { SchemeDto, SchemePreviewDto } from '@scorecard/contracts';

const indicator = (
  code: string,
  nameZh: string,
  dimension: string,
  weight: number,
  target: number,
  floor: number,
) => ({
  code,
  nameZh,
  nameEn: code,
  dimension,
  numeratorLabel: `${nameZh}分子`,
  denominatorLabel: `${nameZh}分母`,
  weight,
  target,
  floor,
  allowAbove: code === 'enrollment_expansion',
  monetary: code === 'collection',
});

/** A scheme version shaped like the default one, for tests. */
export function schemeFixture(): SchemeDto {
  return {
    year: 2026,
    version: 1,
    effectiveFrom: '2026-01',
    reason: '',
    dueDay: 5,
    dueOnWorkingDay: false,
    rectifyWorkingDays: 5,
    appealWorkingDays: 5,
    badReviewWorkingDays: 5,
    warnings: { failMonths: 3, lastMonths: 3, belowFloorMonths: 3, improvingMonths: 3 },
    grades: [
      { code: 'excellent', label: '优秀', min: 90 },
      { code: 'good', label: '良好', min: 80 },
      { code: 'pass', label: '合格', min: 70 },
      { code: 'basic', label: '基本合格', min: 60 },
      { code: 'fail', label: '不合格', min: 0 },
    ],
    indicators: [
      indicator('enrollment_expansion', '扩面任务完成率', '业务经办', 20, 1, 0.6),
      indicator('collection', '医保费征缴率', '业务经办', 20, 0.98, 0.8),
      indicator('annual_inspection', '参保单位年检率', '业务经办', 10, 1, 0.7),
      indicator('first_inquiry', '首问负责制落实率', '服务质量', 10, 1, 0.8),
      indicator('ab_post', 'AB岗制度落实率', '服务质量', 10, 1, 0.8),
      indicator('online_reply', '网上咨询按时回复率', '服务质量', 10, 0.95, 0.7),
      indicator('satisfaction', '参保人员满意度', '服务质量', 20, 0.9, 0.6),
    ],
  };
}

/** A preview of cities and counties whose ranks move by different amounts. */
export function previewFixture(): SchemePreviewDto {
  const row = (
    agencyCode: string,
    level: 'city' | 'county',
    rank: number | null,
    draftRank: number | null,
  ) => ({
    agencyCode,
    name: `机构${agencyCode}`,
    level,
    parentCode: level === 'city' ? '330000' : '330100',
    score: rank === null ? null : 100 - rank,
    rank,
    draftScore: draftRank === null ? null : 100 - draftRank,
    draftRank,
  });
  return {
    period: '2026-09',
    rows: [
      row('330000', 'city', null, null),
      row('330100', 'city', 1, 3),
      row('330200', 'city', 2, 1),
      row('330300', 'city', 3, 2),
      row('330400', 'city', 4, 4),
      row('330500', 'city', null, null),
      row('330600', 'city', 5, 9),
      row('330700', 'city', 9, 5),
      row('330102', 'county', 2, 1),
      row('330105', 'county', 1, 2),
    ],
  };
}
