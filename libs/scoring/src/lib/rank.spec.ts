import { rankAgencies, rankChange, type Rankable, type RankedEntry } from './rank';

describe('rankAgencies', () => {
  it('uses standard competition ranking: [95, 90, 90, 85] → 1, 2, 2, 4', () => {
    const ranked = rankAgencies([
      { code: 'd', score: 85 },
      { code: 'c', score: 90 },
      { code: 'a', score: 95 },
      { code: 'b', score: 90 },
    ]);
    expect(ranked.map(({ rank }) => rank)).toEqual([1, 2, 2, 4]);
    expect(ranked.map(({ code }) => code)).toEqual(['a', 'b', 'c', 'd']);
  });

  it.each<[string, Rankable[], RankedEntry[]]>([
    ['no entries', [], []],
    ['one entry', [{ code: 'x', score: 50 }], [{ code: 'x', score: 50, rank: 1 }]],
    [
      'ties listed by code, whatever the input order',
      [
        { code: '330106', score: 88.5 },
        { code: '330102', score: 88.5 },
        { code: '330104', score: 88.5 },
      ],
      [
        { code: '330102', score: 88.5, rank: 1 },
        { code: '330104', score: 88.5, rank: 1 },
        { code: '330106', score: 88.5, rank: 1 },
      ],
    ],
    [
      'two tie groups',
      [
        { code: 'e', score: 70 },
        { code: 'a', score: 80 },
        { code: 'd', score: 70 },
        { code: 'b', score: 80 },
        { code: 'c', score: 75 },
        { code: 'f', score: 60 },
      ],
      [
        { code: 'a', score: 80, rank: 1 },
        { code: 'b', score: 80, rank: 1 },
        { code: 'c', score: 75, rank: 3 },
        { code: 'd', score: 70, rank: 4 },
        { code: 'e', score: 70, rank: 4 },
        { code: 'f', score: 60, rank: 6 },
      ],
    ],
    [
      'null scores unranked at the end, by code',
      [
        { code: 'z', score: null },
        { code: 'b', score: 90 },
        { code: 'm', score: null },
        { code: 'a', score: 0 },
      ],
      [
        { code: 'b', score: 90, rank: 1 },
        { code: 'a', score: 0, rank: 2 },
        { code: 'm', score: null, rank: null },
        { code: 'z', score: null, rank: null },
      ],
    ],
    [
      'only unranked entries',
      [
        { code: 'b', score: null },
        { code: 'a', score: null },
      ],
      [
        { code: 'a', score: null, rank: null },
        { code: 'b', score: null, rank: null },
      ],
    ],
    [
      'a score of 0 is ranked, not treated as missing',
      [
        { code: 'a', score: 0 },
        { code: 'b', score: null },
      ],
      [
        { code: 'a', score: 0, rank: 1 },
        { code: 'b', score: null, rank: null },
      ],
    ],
  ])('%s', (_name, entries, expected) => {
    expect(rankAgencies(entries)).toEqual(expected);
  });

  it('compares whole hundredths, so float noise does not break a tie', () => {
    const noisy = 0.1 * 3 * 300; // 90.00000000000001
    const ranked = rankAgencies([
      { code: 'b', score: 90 },
      { code: 'a', score: noisy },
    ]);
    expect(ranked.map(({ code, rank }) => [code, rank])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('orders codes by code point, not by locale', () => {
    const ranked = rankAgencies([
      { code: 'b', score: 50 },
      { code: 'B', score: 50 },
      { code: 'a', score: 50 },
    ]);
    expect(ranked.map(({ code }) => code)).toEqual(['B', 'a', 'b']);
  });

  it('keeps the score as given and does not mutate the input', () => {
    const entries: Rankable[] = [
      { code: 'b', score: 87.81 },
      { code: 'a', score: 92.5 },
    ];
    const copy = structuredClone(entries);
    const ranked = rankAgencies(entries);
    expect(entries).toEqual(copy);
    expect(ranked[0]).not.toBe(entries[1]);
    expect(ranked.map(({ score }) => score)).toEqual([92.5, 87.81]);
  });

  it('keeps entries that share a code', () => {
    const ranked = rankAgencies([
      { code: 'a', score: 80 },
      { code: 'a', score: 80 },
    ]);
    expect(ranked.map(({ rank }) => rank)).toEqual([1, 1]);
  });

  it.each([Number.NaN, Infinity])('rejects the score %p', (score) => {
    expect(() => rankAgencies([{ code: 'a', score }])).toThrow(RangeError);
  });
});

describe('rankChange', () => {
  it.each<[number | null | undefined, number | null, number | null]>([
    [5, 3, 2],
    [1, 4, -3],
    [2, 2, 0],
    [null, 3, null],
    [undefined, 3, null],
    [3, null, null],
    [null, null, null],
  ])('previous %p, current %p → %p', (previous, current, expected) => {
    expect(rankChange(previous, current)).toBe(expected);
  });
});
