import type {
  StarCandidateDto,
  StarIneligibilityCode,
  StarObjectionDto,
  StarRoundDto,
} from '@scorecard/contracts';
import type {
  StarCandidateRow,
  StarObjectionRow,
  StarRound,
  StarRules,
} from '@scorecard/server-database';
import type { StarRoundEvaluation } from '@scorecard/scoring';

type EvaluatedCandidate = StarRoundEvaluation['candidates'][number];

/**
 * A candidate as the round lists it: stored scores, the peer score and total as evaluated — the
 * last two, and the votes, only once the ballot is closed (`tallySealed` false).
 */
export function toStarCandidateDto(
  row: StarCandidateRow,
  evaluated: EvaluatedCandidate,
  { rules, tallySealed }: { rules: StarRules; tallySealed: boolean },
): StarCandidateDto {
  const code: StarIneligibilityCode | null = evaluated.ineligibility?.code ?? null;
  const lastStarPeriod =
    evaluated.ineligibility?.code === 'cooldown' ? evaluated.ineligibility.starPeriod : null;
  return {
    id: row.id,
    staffUsername: row.staffUsername,
    name: row.name,
    post: row.post,
    reason: row.reason,
    evidence: row.evidence,
    nominatedAt: row.nominatedAt.toISOString(),
    scores: {
      work: row.work === null ? null : Number(row.work),
      peer: tallySealed ? null : evaluated.scores.peer.toNumber(),
      leader: row.leader === null ? null : Number(row.leader),
      attendance: row.attendance === null ? null : Number(row.attendance),
    },
    votes: tallySealed ? null : row.votes,
    total: !tallySealed && evaluated.total ? evaluated.total.roundedNumber(2) : null,
    eligible: evaluated.eligible,
    ineligibleReason:
      code === 'withdrawn'
        ? 'Withdrawn after an upheld objection'
        : code === 'cooldown'
          ? `Star of ${lastStarPeriod}: nobody is star twice within ${rules.cooldownMonths} months`
          : null,
    ineligibleCode: code,
    lastStarPeriod,
  };
}

/** The selected star of a round, once there is one. */
export function toSelectedStar(
  round: StarRound | null,
  starRow: StarCandidateRow | undefined,
): StarRoundDto['star'] {
  return round && starRow && round.selectedAt && round.publicityEndsAt
    ? {
        candidateId: starRow.id,
        staffUsername: starRow.staffUsername,
        name: starRow.name,
        post: starRow.post,
        total: Number(round.total),
        selectedAt: round.selectedAt.toISOString(),
        publicityEndsAt: round.publicityEndsAt.toISOString(),
        confirmedAt: round.confirmedAt?.toISOString() ?? null,
      }
    : null;
}

export function toStarObjectionDto(objection: StarObjectionRow): StarObjectionDto {
  return {
    id: objection.id,
    candidateId: objection.candidateId,
    reason: objection.reason,
    status: objection.status,
    filedAt: objection.filedAt.toISOString(),
    resolutionNote: objection.resolutionNote,
    resolvedAt: objection.resolvedAt?.toISOString() ?? null,
  };
}
