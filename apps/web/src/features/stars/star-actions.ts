import { type Permission, reaches } from '@scorecard/access';
import type { Role, StarCandidateDto, StarRoundDto } from '@scorecard/contracts';
import { type AgencyTree, buildAgencyTree } from '@scorecard/scoring';

export interface StarViewer {
  username: string;
  role: Role;
  agencyCode: string;
}

export interface StarActions {
  /** Nominate, score and select: the agency's head (admins for their own agency), while open. */
  manage: boolean;
  /** File an objection: staff of the agency while the star is publicised and the window lasts. */
  object: boolean;
  /** Rule on objections: whoever manages the agency. */
  resolve: boolean;
}

/**
 * Whether the viewer reaches the round's agency for a star permission. Without the agency tree,
 * only the round's own agency is known, which is all the star permissions reach (each agency
 * runs its own selection).
 */
function reachesRound(
  viewer: StarViewer | null,
  permission: Permission,
  round: Pick<StarRoundDto, 'agencyCode'>,
  tree: AgencyTree = buildAgencyTree([{ code: round.agencyCode, parentCode: null }]),
): boolean {
  return viewer !== null && reaches(viewer, permission, round.agencyCode, tree);
}

/** What the viewer may do on an agency's star page (the API decides in the end; this only hides buttons). */
export function starActionsFor(
  round: Pick<StarRoundDto, 'agencyCode' | 'status' | 'star'>,
  viewer: StarViewer | null,
  now: Date = new Date(),
  tree?: AgencyTree,
): StarActions {
  const mayManage = reachesRound(viewer, 'star.manage', round, tree);
  const mayObject = reachesRound(viewer, 'star.object', round, tree);
  const windowOpen =
    round.status === 'publicizing' &&
    round.star !== null &&
    now < new Date(round.star.publicityEndsAt);
  return {
    manage: mayManage && round.status === 'open',
    object: mayObject && windowOpen,
    resolve: mayManage,
  };
}

export type VoteState =
  'can-vote' | 'voted' | 'my-choice' | 'self' | 'ineligible' | 'closed' | 'not-staff';

/**
 * Whether the viewer can vote for a candidate, and if not, why. A candidate inside the cooldown
 * takes no votes (the API refuses them), so no button is offered.
 */
export function voteStateFor(
  round: Pick<StarRoundDto, 'agencyCode' | 'status' | 'votedByMe'> &
    Partial<Pick<StarRoundDto, 'myVote'>>,
  candidate: Pick<StarCandidateDto, 'staffUsername' | 'ineligibleCode'> &
    Partial<Pick<StarCandidateDto, 'id'>>,
  viewer: StarViewer | null,
  tree?: AgencyTree,
): VoteState {
  if (!viewer || !reachesRound(viewer, 'star.vote', round, tree)) return 'not-staff';
  if (round.status !== 'open' || candidate.ineligibleCode === 'withdrawn') return 'closed';
  if (round.votedByMe) {
    return round.myVote && round.myVote.candidateId === candidate.id ? 'my-choice' : 'voted';
  }
  if (candidate.ineligibleCode === 'cooldown') return 'ineligible';
  if (candidate.staffUsername === viewer.username) return 'self';
  return 'can-vote';
}

/** Scores and totals as people read them: two decimals at most, "—" when not set yet. */
export function formatStarScore(value: number | null): string {
  if (value === null) return '—';
  return String(Math.round(value * 100) / 100);
}
