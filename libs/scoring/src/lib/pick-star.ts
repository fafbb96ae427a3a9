import type { Ratio } from './ratio';

export interface StarCandidate {
  id: string;
  total: Ratio;
  leader: Ratio;
  nominatedAt: Date;
  /** false inside the cooldown (nobody is star twice within 12 months): listed, never picked. */
  eligible: boolean;
}

/**
 * The star of the month: highest total among eligible candidates; ties go to the higher leader score,
 * then the earlier nomination, then the smaller id (so the choice never depends on input order).
 */
export function pickStar(candidates: readonly StarCandidate[]): StarCandidate | null {
  let best: StarCandidate | null = null;
  for (const candidate of candidates) {
    if (Number.isNaN(candidate.nominatedAt.getTime())) {
      throw new RangeError(`Candidate ${candidate.id} has an invalid nomination date`);
    }
    if (candidate.eligible && (best === null || ranksAbove(candidate, best))) {
      best = candidate;
    }
  }
  return best;
}

function ranksAbove(a: StarCandidate, b: StarCandidate): boolean {
  const byTotal = a.total.compare(b.total);
  if (byTotal !== 0) {
    return byTotal > 0;
  }
  const byLeader = a.leader.compare(b.leader);
  if (byLeader !== 0) {
    return byLeader > 0;
  }
  const byNomination = a.nominatedAt.getTime() - b.nominatedAt.getTime();
  if (byNomination !== 0) {
    return byNomination < 0;
  }
  return compareCandidateIds(a.id, b.id) < 0;
}

/** Ids that are whole numbers (database keys) compare as numbers, "9" before "10"; others as text. */
export function compareCandidateIds(a: string, b: string): number {
  if (/^[0-9]+$/.test(a) && /^[0-9]+$/.test(b) && a.length !== b.length) {
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
