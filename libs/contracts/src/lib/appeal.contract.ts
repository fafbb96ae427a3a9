/** Where an appeal (异议) stands. */
export const APPEAL_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** `GET /appeals`: one appeal. */
export interface AppealDto {
  id: string;
  period: string;
  agencyCode: string;
  agencyName: string;
  /** null: the overall result. */
  indicatorCode: string | null;
  reason: string;
  /** The last day (Asia/Shanghai) of the window it was raised in. */
  deadline: string;
  status: AppealStatus;
  resolution: { upheld: boolean; note: string; by: string; at: string } | null;
  createdBy: string;
  createdAt: string;
}

export interface CreateAppealRequest {
  period: string;
  agencyCode: string;
  indicatorCode?: string | null;
  reason: string;
}

export interface ResolveAppealRequest {
  upheld: boolean;
  note: string;
}

/**
 * `GET /appeals/window?period=`: whether the caller's agency may still appeal, and until when (in a
 * national tree, counted from its province's publication of the month).
 */
export interface AppealWindowDto {
  period: string;
  published: boolean;
  /** null while the month is not published. */
  deadline: string | null;
  open: boolean;
}
