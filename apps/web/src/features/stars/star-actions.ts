import type { Role, StarCandidateDto, StarRoundDto } from '@scorecard/contracts';

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

const MANAGERS: readonly Role[] = ['agency_head', 'city_admin', 'province_admin'];

/** What the viewer may do on an agency's star page (the API decides in the end; this only hides buttons). */
export function starActionsFor(
  round: Pick<StarRoundDto, 'agencyCode' | 'status' | 'star'>,
  viewer: StarViewer | null,
  now: Date = new Date(),
): StarActions {
  const own = viewer !== null && viewer.agencyCode === round.agencyCode;
  const isManager = own && MANAGERS.includes(viewer.role);
  const isStaff = own && viewer.role === 'staff';
  const windowOpen =
    round.status === 'publicizing' &&
    round.star !== null &&
    now < new Date(round.star.publicityEndsAt);
  return {
    manage: isManager && round.status === 'open',
    object: isStaff && windowOpen,
    resolve: isManager,
  };
}

export type VoteState = 'can-vote' | 'voted' | 'self' | 'closed' | 'not-staff';

/** Whether the viewer can vote for a candidate, and if not, why. */
export function voteStateFor(
  round: Pick<StarRoundDto, 'agencyCode' | 'status' | 'votedByMe'>,
  candidate: Pick<StarCandidateDto, 'staffUsername' | 'ineligibleCode'>,
  viewer: StarViewer | null,
): VoteState {
  if (!viewer || viewer.role !== 'staff' || viewer.agencyCode !== round.agencyCode)
    return 'not-staff';
  if (round.status !== 'open' || candidate.ineligibleCode === 'withdrawn') return 'closed';
  if (round.votedByMe) return 'voted';
  if (candidate.staffUsername === viewer.username) return 'self';
  return 'can-vote';
}

/** Scores and totals as people read them: two decimals at most, "—" when not set yet. */
export function formatStarScore(value: number | null): string {
  if (value === null) return '—';
  return String(Math.round(value * 100) / 100);
}
