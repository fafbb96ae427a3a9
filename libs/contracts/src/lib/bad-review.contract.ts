/** Where a bad review (差评) case stands; `overdue` is derived from the deadline. */
export const BAD_REVIEW_STATUSES = [
  'open',
  'verified',
  'appealed',
  'closed',
  'voided',
  'overdue',
] as const;
export type BadReviewStatusName = (typeof BAD_REVIEW_STATUSES)[number];

/** How the head resolved a verified case. */
export const BAD_REVIEW_OUTCOMES = ['rectified', 'explained'] as const;
export type BadReviewOutcome = (typeof BAD_REVIEW_OUTCOMES)[number];

/** `GET /bad-reviews`: one case. */
export interface BadReviewDto {
  id: string;
  period: string;
  agencyCode: string;
  agencyName: string;
  /** The 好差评 system's id of the rating (评价编号), when the file had one. */
  ratingId: string | null;
  ratedAt: string;
  channel: string;
  /** 1 非常不满意 or 2 不满意. */
  level: number;
  serviceItem: string | null;
  comment: string | null;
  /** ISO day (Asia/Shanghai) by which it must be closed. */
  deadline: string;
  status: BadReviewStatusName;
  /** The stored state behind `overdue`; equal to `status` otherwise. */
  stage: Exclude<BadReviewStatusName, 'overdue'>;
  outcome: BadReviewOutcome | null;
  /** How a voided case ended: by the province's ruling, or withdrawn when its rating was re-imported away. */
  voidedAs: 'ruling' | 'withdrawn' | null;
  /** Working days until the deadline (0 on the day, negative once past). */
  workingDaysLeft: number;
  verifyNote: string | null;
  resolveNote: string | null;
  appealReason: string | null;
  rulingNote: string | null;
  version: number;
}

/** `GET /bad-reviews`: one page of cases, nearest deadline first. */
export interface BadReviewPageDto {
  items: BadReviewDto[];
  total: number;
  page: number;
  pageSize: number;
  /** Of the same agencies, any month: cases still to handle (neither closed nor voided) and how many are overdue. */
  counts: { open: number; overdue: number };
}
