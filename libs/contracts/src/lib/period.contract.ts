export const PERIOD_STATUSES = ['open', 'locked', 'published'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** GET /api/periods — newest first. */
export interface PeriodDto {
  /** YYYY-MM */
  period: string;
  status: PeriodStatus;
  /** ISO date (YYYY-MM-DD) by which agencies must submit. */
  dueDate: string;
  /** Submissions changed since results were last computed. */
  stale: boolean;
  computedAt: string | null;
  reportedCount: number;
  expectedCount: number;
  /** Latest published snapshot; 0 before the first publication. */
  publishedVersion: number;
  /** The province whose part of the month this row describes (`?province=`); absent for the month. */
  province?: string;
}

/** GET /api/periods/:period/parts — each province's part of a national month. */
export interface PeriodPartDto {
  period: string;
  /** The province's agency code (440000). */
  province: string;
  name: string;
  status: PeriodStatus;
  /** The month-wide published version that last carried this province's results; 0 before. */
  publishedVersion: number;
  lockedAt: string | null;
  publishedAt: string | null;
  reportedCount: number;
  expectedCount: number;
}

export interface ProgressCountsDto {
  expected: number;
  reported: number;
  onTime: number;
  approved: number;
  waived: number;
  /** reported / expected, unrounded; null when nothing is expected. */
  completeness: number | null;
  /** on time / expected, unrounded. */
  timeliness: number | null;
}

export interface CityReviewDto {
  code: string;
  name: string;
  counties: number;
  reviewed: number;
  /** Submitted, waiting for the city's decision. */
  awaiting: number;
  returned: number;
  /** Neither submitted nor waived. */
  notReported: number;
}

/** Where a county stands in its city's review of a month. */
export const REVIEW_STATES = ['not_reported', 'pending', 'approved', 'returned', 'waived'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** GET /api/periods/:period/reviews/:cityCode — one row per county of the city, by code. */
export interface CountyReviewDto {
  agencyCode: string;
  name: string;
  state: ReviewState;
  /** The return's reason, or the waiver's. */
  reason: string | null;
  by: string | null;
  at: string | null;
}

/** GET /api/periods/:period/completeness */
export interface CompletenessDto {
  period: string;
  status: PeriodStatus;
  dueDate: string;
  province: ProgressCountsDto;
  cities: (ProgressCountsDto & { code: string; name: string })[];
  /** Per city, the review of its counties (the city's own row apart): reviewed = approved or waived. */
  byCity: CityReviewDto[];
  /** Agencies with neither figures nor a waiver. */
  missing: { code: string; name: string; parentCode: string | null; remindedAt: string | null }[];
}

/** GET /api/periods/:period/history */
export interface PeriodEventDto {
  action: 'open' | 'lock' | 'force_lock' | 'publish' | 'force_publish' | 'reopen';
  /** The province whose part of the month the step concerns (national deployments); null for the month. */
  province: string | null;
  version: number | null;
  reason: string | null;
  actor: string;
  at: string;
  /** The upheld appeal (异议) a reopening answers; null otherwise. */
  appealId: string | null;
}
