import type { AgencyLevel } from './agency.contract';

/**
 * The service star of the month (一月一星) of one agency: `open` while candidates are nominated,
 * scored and voted on; `publicizing` once a star is selected (公示); `confirmed` after the window
 * with no objection upheld.
 */
export const STAR_STATUSES = ['open', 'publicizing', 'confirmed'] as const;
export type StarStatus = (typeof STAR_STATUSES)[number];

export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed', 'void'] as const;
/** `void`: closed without a ruling because another objection withdrew the same selection. */
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** Why a candidate cannot be picked: inside the cooldown, or withdrawn after an upheld objection. */
export type StarIneligibilityCode = 'cooldown' | 'withdrawn';

export interface StarWeightsDto {
  work: number;
  peer: number;
  leader: number;
  attendance: number;
}

/** The star rules of a year's scheme. */
export interface StarRulesDto {
  year: number;
  weights: StarWeightsDto;
  /** Nobody is star twice within this many months. */
  cooldownMonths: number;
  /** Length of the publicity (公示) window. */
  publicityDays: number;
}

/** PUT /api/stars/rules/:year (province) */
export type PutStarRulesRequest = Omit<StarRulesDto, 'year'>;

/** Supporting material of a nomination. */
export interface StarEvidenceDto {
  /** Thank-you letters (感谢信) received. */
  thankYouLetters?: number;
  /** Praises (好评, 表扬) received. */
  praises?: number;
  note?: string;
}

/** POST /api/stars/:period/:agencyCode/candidates */
export interface NominateStarRequest {
  staffUsername: string;
  post: string;
  reason: string;
  evidence?: StarEvidenceDto;
}

/** PUT /api/stars/candidates/:id/scores — each 0–100, at most 2 decimals. */
export interface PutStarScoresRequest {
  work: number;
  leader: number;
  attendance: number;
}

export interface StarScoresDto {
  work: number | null;
  /** 100 × votes for the candidate / staff who voted, unrounded; null while the ballot is open. */
  peer: number | null;
  leader: number | null;
  attendance: number | null;
}

export interface StarCandidateDto {
  id: string;
  staffUsername: string;
  name: string;
  post: string;
  reason: string;
  evidence: StarEvidenceDto | null;
  nominatedAt: string;
  scores: StarScoresDto;
  /** Votes for this candidate (a tally); null while the ballot is open (`tallySealed`). */
  votes: number | null;
  /** Weighted total rounded to 2 decimals; null while a score is missing or the ballot is open. */
  total: number | null;
  eligible: boolean;
  /** Why not eligible, in English; `ineligibleCode` for translations. */
  ineligibleReason: string | null;
  ineligibleCode: StarIneligibilityCode | null;
  /** With `cooldown`: the month in which this person was star. */
  lastStarPeriod: string | null;
}

export interface StarSelectionDto {
  candidateId: string;
  staffUsername: string;
  name: string;
  post: string;
  total: number;
  selectedAt: string;
  publicityEndsAt: string;
  confirmedAt: string | null;
}

export interface StarObjectionDto {
  id: string;
  candidateId: string;
  reason: string;
  status: ObjectionStatus;
  filedAt: string;
  resolutionNote: string | null;
  resolvedAt: string | null;
}

/** A member of staff of the agency, as the nomination picker lists them. */
export interface StarStaffDto {
  username: string;
  name: string;
  post: string | null;
  /** The last month this person was star (publicised or confirmed), in any agency; null if never. */
  lastStarPeriod: string | null;
  /** False inside the cooldown: they may be nominated but not picked, nor voted for. */
  eligible: boolean;
}

/** GET /api/stars/:period/:agencyCode */
export interface StarRoundDto {
  period: string;
  agencyCode: string;
  agencyName: string;
  status: StarStatus;
  weights: StarWeightsDto;
  cooldownMonths: number;
  publicityDays: number;
  /**
   * Staff of the agency (who may be nominated and vote), each with the last month they were star
   * and whether the cooldown lets them be star this month; and how many of them have voted.
   */
  staff: StarStaffDto[];
  staffCount: number;
  voterCount: number;
  /** Whether the caller has voted in this agency this month. */
  votedByMe: boolean;
  /** Whom the caller voted for, told to the caller alone; null if they have not voted (or it is unknown). */
  myVote: { candidateId: string; name: string } | null;
  /**
   * While the ballot is open nobody sees votes, peer scores or totals (only how many have voted);
   * they show once the star is selected.
   */
  tallySealed: boolean;
  candidates: StarCandidateDto[];
  star: StarSelectionDto | null;
  objections: StarObjectionDto[];
}

/** POST /api/stars/:period/:agencyCode/select */
export interface SelectStarResponse {
  candidateId: string;
  total: number;
}

/** POST /api/stars/:period/:agencyCode/objections */
export interface FileObjectionRequest {
  reason: string;
}

/** POST /api/stars/objections/:id/resolve */
export interface ResolveObjectionRequest {
  upheld: boolean;
  note: string;
}

export interface ResolveObjectionResponse {
  status: StarStatus;
}

/** GET /api/stars?period=&cityCode=&level=&agencyCode=&staffUsername= — the star wall, newest first. */
export interface StarWallEntryDto {
  period: string;
  agencyCode: string;
  agencyName: string;
  level: AgencyLevel;
  parentCode: string | null;
  staffUsername: string;
  name: string;
  post: string;
  reason: string;
  scores: { work: number; peer: number; leader: number; attendance: number };
  total: number;
  status: Exclude<StarStatus, 'open'>;
  publicityEndsAt: string;
}

/**
 * GET /api/stars?…&page=&pageSize= — one page of the wall, newest first, and how many stars the
 * filters match in all. Without `pageSize` the wall answers every entry as a plain list.
 */
export interface StarWallPageDto {
  rows: StarWallEntryDto[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/stars/participation?period= (province): agencies that named a star, and those that did not. */
export interface StarParticipationDto {
  period: string;
  agencies: number;
  named: number;
  missing: {
    agencyCode: string;
    agencyName: string;
    level: AgencyLevel;
    parentCode: string | null;
    candidates: number;
  }[];
}
