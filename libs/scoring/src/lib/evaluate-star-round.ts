import { compareCandidateIds, pickStar } from './pick-star';
import { Ratio } from './ratio';
import { findCooldownConflict } from './star-cooldown';
import { peerScore, starTotal, type StarWeights } from './star-tally';

export interface StarRoundCandidate {
  id: string;
  nominatedAt: Date;
  /** Scores set by the agency head, 0–100; null until set. */
  work: Ratio | null;
  leader: Ratio | null;
  attendance: Ratio | null;
  /** Secret-ballot tally: votes for this candidate. */
  votes: number;
  /** Withdrawn after an upheld objection: stays listed, never picked again this month. */
  withdrawn: boolean;
  /** Months in which the same person was star (publicised or confirmed), this round's star excluded. */
  starPeriods: readonly string[];
}

export type StarIneligibility = { code: 'cooldown'; starPeriod: string } | { code: 'withdrawn' };

export interface EvaluatedStarCandidate {
  id: string;
  scores: { work: Ratio | null; peer: Ratio; leader: Ratio | null; attendance: Ratio | null };
  /** Weighted total, exact; null while a score is missing. */
  total: Ratio | null;
  eligible: boolean;
  ineligibility: StarIneligibility | null;
}

export interface StarRoundEvaluation {
  /** In nomination order. */
  candidates: EvaluatedStarCandidate[];
  /** Who the selection would pick now, or null. */
  winner: EvaluatedStarCandidate | null;
  /** Eligible candidates still missing a score: the selection must wait for them. */
  unscored: string[];
}

/**
 * The scores, totals and eligibility of a month's candidates of one agency, and who would be
 * star: peer score from the tally, weighted total, cooldown and withdrawals applied.
 */
export function evaluateStarRound(args: {
  period: string;
  candidates: readonly StarRoundCandidate[];
  /** Staff of the agency who voted this month. */
  voters: number;
  weights: StarWeights;
  cooldownMonths: number;
}): StarRoundEvaluation {
  const ordered = [...args.candidates].sort(
    (a, b) => a.nominatedAt.getTime() - b.nominatedAt.getTime() || compareCandidateIds(a.id, b.id),
  );
  const tallied = ordered.reduce((sum, candidate) => sum + candidate.votes, 0);
  if (tallied > args.voters) {
    throw new RangeError(`${tallied} votes counted from only ${args.voters} voters`);
  }
  const evaluated = ordered.map((candidate): EvaluatedStarCandidate & { nominatedAt: Date } => {
    const peer = peerScore({ votesForCandidate: candidate.votes, staffWhoVoted: args.voters });
    const { work, leader, attendance } = candidate;
    for (const score of [work, leader, attendance]) {
      if (score && (score.compare(Ratio.ZERO) < 0 || score.compare(Ratio.HUNDRED) > 0)) {
        throw new RangeError(
          `Candidate ${candidate.id} has a score outside 0–100: ${score.toString()}`,
        );
      }
    }
    const total =
      work && leader && attendance
        ? starTotal({ scores: { work, peer, leader, attendance }, weights: args.weights })
        : null;
    const conflict = findCooldownConflict({
      period: args.period,
      starPeriods: candidate.starPeriods,
      cooldownMonths: args.cooldownMonths,
    });
    const ineligibility: StarIneligibility | null = candidate.withdrawn
      ? { code: 'withdrawn' }
      : conflict
        ? { code: 'cooldown', starPeriod: conflict }
        : null;
    return {
      id: candidate.id,
      nominatedAt: candidate.nominatedAt,
      scores: { work, peer, leader, attendance },
      total,
      eligible: ineligibility === null,
      ineligibility,
    };
  });

  const unscored = evaluated.filter((c) => c.eligible && c.total === null).map((c) => c.id);
  const picked = pickStar(
    evaluated.flatMap((c) =>
      c.eligible && c.total && c.scores.leader
        ? [
            {
              id: c.id,
              total: c.total,
              leader: c.scores.leader,
              nominatedAt: c.nominatedAt,
              eligible: true,
            },
          ]
        : [],
    ),
  );
  const candidates = evaluated.map(({ nominatedAt: _nominatedAt, ...candidate }) => candidate);
  return {
    candidates,
    winner: picked ? (candidates.find((c) => c.id === picked.id) ?? null) : null,
    unscored,
  };
}
