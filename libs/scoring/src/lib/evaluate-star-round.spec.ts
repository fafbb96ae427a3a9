import { evaluateStarRound, type StarRoundCandidate } from './evaluate-star-round';
import { Ratio } from './ratio';
import { DEFAULT_STAR_WEIGHTS } from './star-tally';

const dec = (text: string): Ratio => Ratio.fromDecimal(text);

const candidate = (
  id: string,
  scores: [string, string, string] | null,
  votes: number,
  extra: Partial<StarRoundCandidate> = {},
): StarRoundCandidate => ({
  id,
  nominatedAt: new Date(`2026-11-02T0${id.length}:00:0${id.slice(-1)}Z`),
  work: scores ? dec(scores[0]) : null,
  leader: scores ? dec(scores[1]) : null,
  attendance: scores ? dec(scores[2]) : null,
  votes,
  withdrawn: false,
  starPeriods: [],
  ...extra,
});

const evaluate = (candidates: StarRoundCandidate[], voters: number, cooldownMonths = 12) =>
  evaluateStarRound({
    period: '2026-10',
    candidates,
    voters,
    weights: DEFAULT_STAR_WEIGHTS,
    cooldownMonths,
  });

describe('evaluateStarRound', () => {
  it('scores peers from the tally and weighs 20/20/40/20', () => {
    // a: 0.2×90 + 0.2×75 + 0.4×80 + 0.2×100 = 18 + 15 + 32 + 20 = 85
    // b: 0.2×80 + 0.2×25 + 0.4×95 + 0.2×90 = 16 + 5 + 38 + 18 = 77
    const result = evaluate(
      [candidate('1', ['90', '80', '100'], 3), candidate('2', ['80', '95', '90'], 1)],
      4,
    );
    expect(
      result.candidates.map((c) => [c.id, c.scores.peer.toNumber(), c.total?.toNumber()]),
    ).toEqual([
      ['1', 75, 85],
      ['2', 25, 77],
    ]);
    expect(result.winner?.id).toBe('1');
    expect(result.unscored).toEqual([]);
  });

  it('lets a large leader weight decide against more peer votes', () => {
    const result = evaluate(
      [candidate('1', ['80', '70', '80'], 4), candidate('2', ['80', '95', '80'], 0)],
      4,
    );
    // 1: 16 + 20 + 28 + 16 = 80; 2: 16 + 0 + 38 + 16 = 70 → 1 wins with default weights …
    expect(result.winner?.id).toBe('1');
    // … but only the leader counts with 0/0/1/0 weights.
    const leaderOnly = evaluateStarRound({
      period: '2026-10',
      candidates: [candidate('1', ['80', '70', '80'], 4), candidate('2', ['80', '95', '80'], 0)],
      voters: 4,
      weights: { work: 0, peer: 0, leader: 1, attendance: 0 },
      cooldownMonths: 12,
    });
    expect(leaderOnly.winner?.id).toBe('2');
  });

  it('breaks a tied total by the leader score, then by the earlier nomination', () => {
    const a = candidate('1', ['80', '70', '80'], 2); // 16 + 10 + 28 + 16 = 70
    const b = candidate('2', ['100', '90', '70'], 0); // 20 + 0 + 36 + 14 = 70
    const tie = evaluate([a, b], 4);
    expect(tie.candidates.map((c) => c.total?.toNumber())).toEqual([70, 70]);
    expect(tie.winner?.id).toBe('2');
    const c = candidate('3', ['100', '90', '70'], 0, {
      nominatedAt: new Date('2026-11-01T00:00:00Z'),
    });
    expect(evaluate([a, b, c], 4).winner?.id).toBe('3');
  });

  it('lists candidates inside the cooldown as ineligible with the month, and skips them', () => {
    const result = evaluate(
      [
        candidate('1', ['100', '100', '100'], 4, { starPeriods: ['2026-02'] }),
        candidate('2', ['60', '60', '60'], 0),
      ],
      4,
    );
    expect(result.candidates[0]).toMatchObject({
      eligible: false,
      ineligibility: { code: 'cooldown', starPeriod: '2026-02' },
    });
    expect(result.candidates[1]).toMatchObject({ eligible: true, ineligibility: null });
    expect(result.winner?.id).toBe('2');
    expect(
      evaluate([candidate('1', ['100', '100', '100'], 4, { starPeriods: ['2025-10'] })], 4).winner
        ?.id,
    ).toBe('1');
  });

  it('never picks a withdrawn candidate: the runner-up wins', () => {
    const result = evaluate(
      [
        candidate('1', ['100', '100', '100'], 3, { withdrawn: true }),
        candidate('2', ['90', '90', '90'], 1),
      ],
      4,
    );
    expect(result.candidates[0]).toMatchObject({
      eligible: false,
      ineligibility: { code: 'withdrawn' },
    });
    expect(result.winner?.id).toBe('2');
  });

  it('reports eligible candidates still missing scores, and has no total for them', () => {
    const result = evaluate([candidate('1', null, 0), candidate('2', ['90', '90', '90'], 0)], 0);
    expect(result.unscored).toEqual(['1']);
    expect(result.candidates[0].total).toBeNull();
    expect(result.winner?.id).toBe('2');
  });

  it('gives 0 peer points when nobody voted', () => {
    const result = evaluate([candidate('1', ['100', '100', '100'], 0)], 0);
    expect(result.candidates[0].scores.peer.isZero()).toBe(true);
    expect(result.candidates[0].total?.toNumber()).toBe(80);
  });

  it('keeps totals exact (2 of 3 votes → 66.67 peer points)', () => {
    const result = evaluate([candidate('1', ['90', '90', '90'], 2)], 3);
    // 18 + 0.2 × 200/3 + 36 + 18 = 72 + 40/3
    expect(result.candidates[0].total).toEqual(Ratio.of(256n, 3n));
  });

  it('rejects a tally with more votes than voters, and scores outside 0–100', () => {
    expect(() => evaluate([candidate('1', null, 3), candidate('2', null, 2)], 4)).toThrow(
      RangeError,
    );
    expect(() => evaluate([candidate('1', ['101', '90', '90'], 0)], 0)).toThrow(RangeError);
  });
});
