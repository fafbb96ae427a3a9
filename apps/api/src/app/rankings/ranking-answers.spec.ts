import type { PeriodEntity } from '@scorecard/server-database';
import { rankingAnswerKey } from './ranking-answers.service';
import type { RankingsQuery } from './rankings.query';

const month = {
  period: '2026-09',
  status: 'published',
  dataRevision: 7,
  computedRevision: 7,
  publishedVersion: 2,
} as PeriodEntity;
const now = Date.parse('2026-11-22T10:00:00+08:00');

describe('rankingAnswerKey', () => {
  const key = (overrides: Partial<Parameters<typeof rankingAnswerKey>[0]> = {}) =>
    rankingAnswerKey({ month, query: { period: '2026-09', level: 'county' }, extent: '*', version: 2, now, ...overrides });

  it('names the month first, then the table and the version shown', () => {
    expect(key()).toBe('2026-09|level=county&scope=aggregate|*|v2|published|2026-11-22');
    expect(key({ query: { period: '2026-09' } })).toBe('2026-09|level=city&scope=aggregate|*|v2|published|2026-11-22');
    expect(key({ query: { period: '2026-09', level: 'county', parent: '330100', scope: 'own' } })).toBe(
      '2026-09|level=county&parent=330100&scope=own|*|v2|published|2026-11-22',
    );
  });

  it('tells apart everything that changes the answer', () => {
    const keys = [
      key(),
      key({ query: { period: '2026-09', level: 'county', parent: '330100' } }),
      key({ query: { period: '2026-09', level: 'county', scope: 'own' } }),
      key({ version: 1 }),
      key({ version: undefined }),
      key({ version: undefined, month: { ...month, computedRevision: 8, dataRevision: 8 } as PeriodEntity }),
      key({ month: { ...month, status: 'open' } as PeriodEntity }),
      // In a national tree one request is a different table for the nation and for each province.
      key({ extent: 'nation' }),
      key({ extent: '440000' }),
      // A parameter added to the request one day is in the key without anyone listing it.
      key({ query: { period: '2026-09', level: 'county', pageSize: 20 } as RankingsQuery }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('turns the day at midnight in Asia/Shanghai, when items become overdue', () => {
    expect(key({ now: Date.parse('2026-11-22T23:59:59+08:00') })).toBe(key());
    expect(key({ now: Date.parse('2026-11-23T00:00:00+08:00') })).not.toBe(key());
  });
});
