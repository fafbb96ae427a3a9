import { pickStar, type StarCandidate } from './pick-star';
import { Ratio } from './ratio';

const candidate = (
  id: string,
  total: string,
  leader = '80',
  nominatedAt = '2026-11-02T01:00:00Z',
  eligible = true,
): StarCandidate => ({
  id,
  total: Ratio.fromDecimal(total),
  leader: Ratio.fromDecimal(leader),
  nominatedAt: new Date(nominatedAt),
  eligible,
});

describe('pickStar', () => {
  it.each<[string, StarCandidate[], string | null]>([
    ['nobody', [], null],
    ['the highest total', [candidate('a', '88'), candidate('b', '92'), candidate('c', '90')], 'b'],
    [
      'the higher total even by a hair',
      [candidate('a', '92.0001', '50'), candidate('b', '92', '100')],
      'a',
    ],
    [
      'on a tied total, the higher leader score',
      [candidate('a', '92', '90'), candidate('b', '92', '95')],
      'b',
    ],
    [
      'on tied total and leader, the earlier nomination',
      [
        candidate('a', '92', '95', '2026-11-03T00:00:00Z'),
        candidate('b', '92', '95', '2026-11-02T23:59:59Z'),
      ],
      'b',
    ],
    [
      'when everything ties, the smaller id',
      [candidate('b', '92', '95'), candidate('a', '92', '95')],
      'a',
    ],
    [
      'skipping ineligible candidates (cooldown)',
      [candidate('a', '99', '99', undefined, false), candidate('b', '80')],
      'b',
    ],
    ['nobody when all are ineligible', [candidate('a', '99', '99', undefined, false)], null],
  ])('picks %s', (_name, candidates, expectedId) => {
    expect(pickStar(candidates)?.id ?? null).toBe(expectedId);
    expect(pickStar([...candidates].reverse())?.id ?? null).toBe(expectedId);
  });

  it('compares exact totals, not rounded ones', () => {
    const a = { ...candidate('a', '0'), total: Ratio.of(2n, 3n) };
    const b = candidate('b', '0.6666666666666667', '0');
    expect(pickStar([a, b])?.id).toBe('b');
  });

  it('returns the candidate object itself', () => {
    const winner = candidate('a', '90');
    expect(pickStar([winner])).toBe(winner);
  });

  it('rejects an invalid nomination date', () => {
    expect(() => pickStar([candidate('a', '90', '80', 'not a date')])).toThrow(RangeError);
  });
});

describe('pickStar with database ids', () => {
  it('on a full tie, picks the smaller id numerically ("9" before "10")', () => {
    const nine = candidate('9', '92', '95');
    const ten = candidate('10', '92', '95');
    expect(pickStar([ten, nine])?.id).toBe('9');
    expect(pickStar([nine, ten])?.id).toBe('9');
  });
});
