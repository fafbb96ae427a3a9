/** Where a rectification item (整改事项) stands; `overdue` is derived from the deadline. */
export const RECTIFICATION_STATUSES = ['open', 'responded', 'closed', 'overdue'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** `GET /rectifications`: one item. */
export interface RectificationDto {
  id: string;
  period: string;
  agencyCode: string;
  agencyName: string;
  /** null: the overall result. */
  indicatorCode: string | null;
  source: 'auto' | 'manual';
  reason: string;
  /** ISO day (Asia/Shanghai) by which it must be closed. */
  deadline: string;
  status: RectificationStatus;
  /** The stored state behind `overdue` (open or responded); equal to `status` otherwise. */
  stage: 'open' | 'responded' | 'closed';
  /** How a closed item ended: accepted, or withdrawn by the system after a republication. */
  closedAs: 'accepted' | 'withdrawn' | null;
  /** Working days until the deadline (0 on the day, negative once past). */
  workingDaysLeft: number;
  response: { cause: string; measures: string; by: string; at: string } | null;
  verification: { accepted: boolean | null; note: string; by: string; at: string } | null;
  createdBy: string;
  createdAt: string;
  version: number;
}

export interface CreateRectificationRequest {
  period: string;
  agencyCode: string;
  indicatorCode?: string | null;
  reason: string;
}

export interface RespondRectificationRequest {
  cause: string;
  measures: string;
  version?: number;
}

export interface VerifyRectificationRequest {
  accepted: boolean;
  note: string;
  version?: number;
}

/** Per agency: items not closed yet, and how many of them are overdue. */
export interface RectificationCounts {
  open: number;
  overdue: number;
}
