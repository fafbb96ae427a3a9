import type { RankingTableDto } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { expandRankingTable } from './ranking-table';

const table: RankingTableDto = {
  period: '2026-09',
  status: 'published',
  level: 'county',
  parent: null,
  scope: 'aggregate',
  version: 1,
  publishedAt: '2026-10-08T02:00:00.000Z',
  computedAt: '2026-10-08T01:00:00.000Z',
  stale: false,
  scheme: { year: 2026, version: 1 },
  indicatorCodes: ['collection', 'satisfaction'],
  rows: [
    {
      rank: 1,
      agencyCode: '330102',
      name: '上城区',
      parentCode: '330100',
      score: 91.5,
      grade: 'excellent',
      rankChange: 2,
      reported: true,
      figures: [
        [1234567.89, 1300000.01],
        [7624, 8682],
      ],
    },
    {
      rank: null,
      agencyCode: '330105',
      name: '拱墅区',
      parentCode: '330100',
      score: null,
      grade: null,
      rankChange: null,
      reported: false,
      figures: [null, [0, 0]],
    },
  ],
};

describe('expandRankingTable', () => {
  it('gives each row its indicators by code, rates worked out from the figures', () => {
    const expanded = expandRankingTable(table);
    expect(expanded.period).toBe('2026-09');
    expect(expanded).not.toHaveProperty('indicatorCodes');
    expect(expanded.rows[0]).toEqual({
      rank: 1,
      agencyCode: '330102',
      name: '上城区',
      level: 'county',
      parentCode: '330100',
      score: 91.5,
      grade: 'excellent',
      rankChange: 2,
      reported: true,
      indicators: {
        collection: {
          numerator: 1234567.89,
          denominator: 1300000.01,
          rate: 123456789 / 130000001,
          score: null,
        },
        satisfaction: { numerator: 7624, denominator: 8682, rate: 7624 / 8682, score: null },
      },
    });
  });

  it('leaves out the indicators a row has no figures for, and rates a zero denominator null', () => {
    expect(expandRankingTable(table).rows[1]?.indicators).toEqual({
      satisfaction: { numerator: 0, denominator: 0, rate: null, score: null },
    });
  });
});
