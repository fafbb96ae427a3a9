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
}
