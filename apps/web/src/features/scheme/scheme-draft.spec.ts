import type { SchemeDto } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/http';
import {
  bodyOf,
  draftErrors,
  draftOf,
  firstEditableMonth,
  fractionToPercent,
  type IndicatorDraft,
  normaliseFieldPath,
  percentToFraction,
  recomputedMonths,
  type SchemeDraft,
  serverFieldErrors,
  versionInForce,
  weightTotal,
} from './scheme-draft';
import { schemeFixture } from './scheme.fixture';

describe('percent ↔ fraction', () => {
  it.each([
    ['98', 0.98],
    ['100', 1],
    ['100.01', 1.0001],
    ['7', 0.07],
    ['57', 0.57],
    ['0.5', 0.005],
    ['29', 0.29],
    ['99.99', 0.9999],
  ])('"%s" %% is sent as exactly %s', (text, fraction) => {
    expect(percentToFraction(text)).toBe(fraction);
    // Binary arithmetic would not: 57 / 100 = 0.5700000000000001 and 0.29 * 100 = 28.999999999999996.
    expect(fractionToPercent(fraction)).toBe(text);
  });

  it('refuses what is not a percentage', () => {
    for (const text of ['', ' ', 'abc', '-5', '98.', '1e2', '98%']) {
      expect(percentToFraction(text)).toBeNull();
    }
  });
});

function rowOf(draft: SchemeDraft, index: number): IndicatorDraft {
  const row = draft.indicators[index];
  if (!row) throw new Error(`No indicator row ${index}`);
  return row;
}

describe('the draft of a scheme', () => {
  it('goes back to the API as the very body it came as, with a new month and reason', () => {
    const scheme = schemeFixture();
    const draft = draftOf(scheme, '2026-11');
    draft.reason = '调整权重';
    const stored: Partial<SchemeDto> = { ...scheme };
    delete stored.year;
    delete stored.version;
    expect(bodyOf(draft)).toEqual({ ...stored, effectiveFrom: '2026-11', reason: '调整权重' });
  });

  it('totals the weights typed, counting what is not a whole number as 0', () => {
    expect(
      weightTotal([{ weight: '20' }, { weight: '30' }, { weight: '' }, { weight: '2.5' }]),
    ).toBe(50);
  });

  it('names each problem by the path the API uses', () => {
    const draft = draftOf(schemeFixture(), '2026-11');
    draft.reason = '调整';
    expect(draftErrors(draft)).toEqual({});
    rowOf(draft, 0).weight = '30';
    rowOf(draft, 2).weight = '0';
    rowOf(draft, 1).floor = '98';
    rowOf(draft, 3).code = 'collection';
    expect(Object.keys(draftErrors(draft)).sort()).toEqual([
      'indicators[1].floor',
      'indicators[2].weight',
      'indicators[3].code',
    ]);
    // 20 → 30 and 10 → 0 still total 100: only the 0 is wrong. A total off 100 is named apart.
    rowOf(draft, 4).weight = '5';
    expect(draftErrors(draft)['weights']).toEqual({
      key: 'scheme.errors.total',
      params: { total: 95 },
    });
  });
});

describe('field errors from the API', () => {
  it('are keyed by the field path, dotted indexes read as brackets', () => {
    const error = new ApiError('http', 400, 'Bad Request', {
      errors: [
        { field: 'indicators[2].floor', message: '底线值须低于目标值' },
        { field: 'indicators.4.code', message: '编码重复' },
        { field: 'reason', message: '必填' },
        { field: 'reason', message: '至少 2 个字' },
      ],
    });
    expect(serverFieldErrors(error)).toEqual({
      'indicators[2].floor': '底线值须低于目标值',
      'indicators[4].code': '编码重复',
      reason: '必填；至少 2 个字',
    });
    expect(normaliseFieldPath('grades.4.min')).toBe('grades[4].min');
    expect(serverFieldErrors(new ApiError('http', 409, 'Conflict', { errors: [] }))).toEqual({});
  });
});

describe('months', () => {
  const periods = [
    { period: '2026-11', status: 'open' as const },
    { period: '2026-10', status: 'open' as const },
    { period: '2026-09', status: 'published' as const },
    { period: '2026-08', status: 'locked' as const },
  ].map((p) => ({
    ...p,
    dueDate: '',
    stale: false,
    computedAt: null,
    reportedCount: 0,
    expectedCount: 0,
    publishedVersion: 0,
  }));

  it('starts a new version in the first month after the last frozen one', () => {
    expect(firstEditableMonth(2026, periods)).toBe('2026-10');
    expect(firstEditableMonth(2027, periods)).toBe('2027-01');
  });

  it('recomputes the months of the year begun from the effective month on', () => {
    expect(recomputedMonths('2026-10', periods)).toEqual(['2026-10', '2026-11']);
    expect(recomputedMonths('2026-12', periods)).toEqual([]);
  });
});

describe('the version in force', () => {
  const versions = [
    { version: 1, effectiveFrom: '2026-01' },
    { version: 2, effectiveFrom: '2026-10' },
    { version: 3, effectiveFrom: '2026-10' },
    { version: 4, effectiveFrom: '2026-12' },
  ];

  it('is the latest begun by the month, the newest of its month', () => {
    expect(versionInForce(versions, '2026-11')?.version).toBe(3);
    expect(versionInForce(versions, '2026-09')?.version).toBe(1);
    expect(versionInForce(versions, '2026-12')?.version).toBe(4);
  });

  it('is the first when none has begun yet, and none without versions', () => {
    expect(versionInForce(versions.slice(1), '2026-05')?.version).toBe(2);
    expect(versionInForce([], '2026-05')).toBeNull();
  });
});
