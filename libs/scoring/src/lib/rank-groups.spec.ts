import { type LeveledAgency, rankGroupsOf, rankInGroups } from './rank-groups';

/** Two small provinces under the nation; Zhejiang has a county straight under the province. */
const NATION: LeveledAgency[] = [
  { code: '000000', parentCode: null, level: 'nation' },
  { code: '330000', parentCode: '000000', level: 'province' },
  { code: '330100', parentCode: '330000', level: 'city' },
  { code: '330102', parentCode: '330100', level: 'county' },
  { code: '330105', parentCode: '330100', level: 'county' },
  { code: '330200', parentCode: '330000', level: 'city' },
  { code: '330203', parentCode: '330200', level: 'county' },
  { code: '339001', parentCode: '330000', level: 'county' },
  { code: '440000', parentCode: '000000', level: 'province' },
  { code: '440100', parentCode: '440000', level: 'city' },
  { code: '440103', parentCode: '440100', level: 'county' },
  { code: '440104', parentCode: '440100', level: 'county' },
];

const SCORES: Record<string, number | null> = {
  '000000': 80,
  '330000': 82,
  '440000': 85,
  '330100': 90,
  '330200': 70,
  '440100': 80,
  '330102': 95,
  '330105': 60,
  '330203': 88,
  '339001': null,
  '440103': 91,
  '440104': 88,
};

function ranksBy(agencies: LeveledAgency[], which: 'inParent' | 'inLevel' | 'inNation') {
  const groups = rankGroupsOf(agencies);
  const ranks = rankInGroups(
    agencies.map((agency) => ({
      code: agency.code,
      score: SCORES[agency.code] ?? null,
      group: groups.get(agency.code)?.[which] ?? null,
    })),
  );
  return Object.fromEntries(
    agencies.map((agency) => {
      const rank = ranks.get(agency.code);
      return [agency.code, rank ? `${rank.rank ?? '-'}/${rank.of}` : null];
    }),
  );
}

describe('rankGroupsOf', () => {
  it('ranks within the parent: siblings of one level under one parent', () => {
    expect(ranksBy(NATION, 'inParent')).toMatchObject({
      '330000': '2/2',
      '440000': '1/2',
      '330100': '1/2',
      '330200': '2/2',
      '330102': '1/2',
      '330105': '2/2',
      '330203': '1/1',
      // A county under the province itself ranks among the province's own counties, unreported.
      '339001': '-/0',
      '440103': '1/2',
      '440104': '2/2',
    });
  });

  it('ranks within the level inside each province, never across provinces', () => {
    expect(ranksBy(NATION, 'inLevel')).toMatchObject({
      '000000': '1/1',
      // A province is alone at its level inside itself.
      '330000': '1/1',
      '440000': '1/1',
      '330100': '1/2',
      '330200': '2/2',
      '440100': '1/1',
      // Zhejiang's counties, wherever they hang, without Guangdong's.
      '330102': '1/3',
      '330203': '2/3',
      '330105': '3/3',
      '339001': '-/3',
      '440103': '1/2',
      '440104': '2/2',
    });
  });

  it('ranks within the level across the country when the tree has a nation root', () => {
    expect(ranksBy(NATION, 'inNation')).toMatchObject({
      '000000': '1/1',
      '440000': '1/2',
      '330000': '2/2',
      '330100': '1/3',
      '440100': '2/3',
      '330200': '3/3',
      '330102': '1/5',
      '440103': '2/5',
      // Tied on 88 across provinces: one rank, listed by code.
      '330203': '3/5',
      '440104': '3/5',
      '330105': '5/5',
      '339001': '-/5',
    });
  });

  it('gives a one-province tree no national rank and the same level ranks as inside the nation', () => {
    const zhejiang = NATION.filter((agency) => agency.code.startsWith('33')).map((agency) =>
      agency.code === '330000' ? { ...agency, parentCode: null } : agency,
    );
    expect([...rankGroupsOf(zhejiang).values()].every((groups) => groups.inNation === null)).toBe(
      true,
    );
    const inside = ranksBy(NATION, 'inLevel');
    const alone = ranksBy(zhejiang, 'inLevel');
    for (const agency of zhejiang) expect(alone[agency.code]).toBe(inside[agency.code]);
  });
});

describe('rankInGroups', () => {
  it('leaves out entries without a group', () => {
    const ranks = rankInGroups([
      { code: 'a', score: 90, group: null },
      { code: 'b', score: 80, group: 'g' },
    ]);
    expect([...ranks.entries()]).toEqual([['b', { rank: 1, of: 1 }]]);
  });
});
