import { Ratio } from './ratio';
import {
  DEFAULT_STAR_WEIGHTS,
  peerScore,
  starTotal,
  type StarScores,
  type StarWeights,
} from './star-tally';

const scores = (work: Ratio, peer: Ratio, leader: Ratio, attendance: Ratio): StarScores => ({
  work,
  peer,
  leader,
  attendance,
});
const int = (n: number): Ratio => Ratio.fromInteger(n);

describe('DEFAULT_STAR_WEIGHTS', () => {
  it('is seed 000: 20 / 20 / 40 / 20, frozen', () => {
    expect(DEFAULT_STAR_WEIGHTS).toEqual({ work: 20, peer: 20, leader: 40, attendance: 20 });
    expect(Object.isFrozen(DEFAULT_STAR_WEIGHTS)).toBe(true);
  });
});

describe('peerScore', () => {
  it.each([
    [3, 4, int(75)],
    [4, 4, int(100)],
    [0, 4, int(0)],
    [0, 0, int(0)],
    [1, 3, Ratio.of(100n, 3n)],
    [7, 9, Ratio.of(700n, 9n)],
  ])('%p votes of %p voters → %s', (votesForCandidate, staffWhoVoted, expected) => {
    expect(peerScore({ votesForCandidate, staffWhoVoted })).toEqual(expected);
  });

  it.each([
    [5, 4],
    [1, 0],
    [-1, 4],
    [1.5, 4],
    [1, Number.NaN],
  ])('rejects %p votes of %p voters', (votesForCandidate, staffWhoVoted) => {
    expect(() => peerScore({ votesForCandidate, staffWhoVoted })).toThrow(RangeError);
  });
});

describe('starTotal', () => {
  it('with seed 000 weights: 90, 80, 95, 100 → exactly 92', () => {
    // 0.2×90 + 0.2×80 + 0.4×95 + 0.2×100 = 18 + 16 + 38 + 20
    const total = starTotal({
      scores: scores(int(90), int(80), int(95), int(100)),
      weights: DEFAULT_STAR_WEIGHTS,
    });
    expect(total).toEqual(int(92));
  });

  it('with seed 000 weights, a non-integer case: 87.5, 7 of 9 votes, 92, 85 → 7817/90', () => {
    // 17.5 + 0.2 × 700/9 + 36.8 + 17 = 71.3 + 140/9 = 7817/90 ≈ 86.86
    const total = starTotal({
      scores: scores(
        Ratio.fromDecimal('87.5'),
        peerScore({ votesForCandidate: 7, staffWhoVoted: 9 }),
        int(92),
        int(85),
      ),
      weights: DEFAULT_STAR_WEIGHTS,
    });
    expect(total).toEqual(Ratio.of(7817n, 90n));
    expect(total.roundedNumber()).toBe(86.86);
  });

  it.each<[string, StarWeights, Ratio]>([
    ['equal weights', { work: 1, peer: 1, leader: 1, attendance: 1 }, Ratio.fromDecimal('91.25')],
    ['only the leader', { work: 0, peer: 0, leader: 5, attendance: 0 }, int(95)],
    ['weights not summing to 100', { work: 2, peer: 2, leader: 4, attendance: 2 }, int(92)],
    ['fractional weights', { work: 0.2, peer: 0.2, leader: 0.4, attendance: 0.2 }, int(92)],
  ])('with %s', (_name, weights, expected) => {
    const total = starTotal({ scores: scores(int(90), int(80), int(95), int(100)), weights });
    expect(total).toEqual(expected);
  });

  it.each<[string, StarWeights]>([
    ['all zero', { work: 0, peer: 0, leader: 0, attendance: 0 }],
    ['a negative weight', { work: -20, peer: 20, leader: 40, attendance: 20 }],
    ['a NaN weight', { work: Number.NaN, peer: 20, leader: 40, attendance: 20 }],
  ])('rejects weights that are %s', (_name, weights) => {
    const all100 = scores(int(100), int(100), int(100), int(100));
    expect(() => starTotal({ scores: all100, weights })).toThrow(RangeError);
  });
});
