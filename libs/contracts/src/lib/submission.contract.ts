export interface IndicatorFiguresDto {
  numerator: number;
  denominator: number;
}

/** `draft`: only imported raw records so far; not reported (未报送) until the agency submits its month. */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * An imported file whose records currently make up some of an agency-month's figures
 * (`ratings` → satisfaction, `consultations` → online replies, `submissions` → the indicators in it).
 */
export interface SubmissionSourceDto {
  kind: 'ratings' | 'consultations' | 'submissions';
  importId: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: string;
  /** The indicators the file makes up (ratings: satisfaction, …); null for a submissions file, which may set any. */
  indicators: string[] | null;
}

/**
 * Where the review of a submission stands: `pending` until an admin above the agency approves or
 * returns it (and again once a returned submission is corrected and sent anew); a returned one
 * carries the reason and who returned it, when.
 */
export interface SubmissionReviewDto {
  state: 'pending' | 'approved' | 'returned';
  reason: string | null;
  by: string | null;
  at: string | null;
}

/** GET /api/submissions/:period/:agencyCode */
export interface SubmissionDto {
  period: string;
  agencyCode: string;
  version: number;
  status: SubmissionStatus;
  late: boolean;
  submittedAt: string;
  submittedBy: string | null;
  review: SubmissionReviewDto;
  values: Record<string, IndicatorFiguresDto>;
  /** Imported files behind these figures; empty when they were typed in (PUT replaces them all). */
  sources: SubmissionSourceDto[];
}

/** PUT /api/submissions/:period/:agencyCode */
export interface PutSubmissionRequest {
  /** Figures per indicator code; numbers or decimal strings with at most 2 decimals. */
  values: Record<string, { numerator: number | string; denominator: number | string }>;
  /** The version read; omitted only when creating. A stale version is answered 409. */
  version?: number;
}

export interface PutSubmissionResponse {
  version: number;
}

/** 400 answer body. */
export interface ValidationErrorDto {
  statusCode: number;
  error: string;
  message: string;
  errors: { field: string; message: string; row?: number }[];
}
