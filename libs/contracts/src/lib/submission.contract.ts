export interface IndicatorFiguresDto {
  numerator: number;
  denominator: number;
}

export const SUBMISSION_STATUSES = ['submitted', 'approved', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** GET /api/submissions/:period/:agencyCode */
export interface SubmissionDto {
  period: string;
  agencyCode: string;
  version: number;
  status: SubmissionStatus;
  late: boolean;
  submittedAt: string;
  submittedBy: string | null;
  values: Record<string, IndicatorFiguresDto>;
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
