import { Ratio } from './ratio';

/** Relative weights of the four scores of a star candidate (一月一星). */
export interface StarWeights {
  work: number;
  peer: number;
  leader: number;
  attendance: number;
}

export interface StarScores {
  work: Ratio;
  peer: Ratio;
  leader: Ratio;
  attendance: Ratio;
}

/** Seed 000: work completion 20 %, peer votes 20 %, leader's opinion 40 %, attendance and study 20 %. */
export const DEFAULT_STAR_WEIGHTS: StarWeights = Object.freeze({
  work: 20,
  peer: 20,
  leader: 40,
  attendance: 20,
});

/** Democratic recommendation: 100 × votes for the candidate / staff who voted; 0 if nobody voted. */
export function peerScore(args: { votesForCandidate: number; staffWhoVoted: number }): Ratio {
  const { votesForCandidate, staffWhoVoted } = args;
  for (const count of [votesForCandidate, staffWhoVoted]) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`Vote counts must be non-negative integers, got ${count}`);
    }
  }
  // One vote per staff member, so a candidate cannot have more votes than there were voters.
  if (votesForCandidate > staffWhoVoted) {
    throw new RangeError(`${votesForCandidate} votes from only ${staffWhoVoted} voters`);
  }
  if (staffWhoVoted === 0) {
    return Ratio.ZERO;
  }
  return Ratio.HUNDRED.mul(Ratio.of(BigInt(votesForCandidate), BigInt(staffWhoVoted)));
}

/** Σ weight × score / Σ weight, exact. */
export function starTotal(args: { scores: StarScores; weights: StarWeights }): Ratio {
  const parts = (['work', 'peer', 'leader', 'attendance'] as const).map((part) => {
    const weight = args.weights[part];
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(
        `Star weight ${part} must be a finite non-negative number, got ${weight}`,
      );
    }
    return { weight: Ratio.fromNumber(weight), score: args.scores[part] };
  });
  const totalWeight = parts.reduce((sum, { weight }) => sum.add(weight), Ratio.ZERO);
  if (totalWeight.isZero()) {
    throw new RangeError('Star weights must not all be zero');
  }
  const weightedSum = parts.reduce(
    (sum, { weight, score }) => sum.add(weight.mul(score)),
    Ratio.ZERO,
  );
  return weightedSum.div(totalWeight);
}
