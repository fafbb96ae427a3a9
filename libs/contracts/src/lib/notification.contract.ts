export const NOTIFICATION_KINDS = [
  'star.nomination_opened',
  'star.voting_open',
  'star.selected',
  'star.objection_filed',
  'star.confirmed',
  'submission.returned',
  'rectification.raised',
  'rectification.returned',
  'appeal.upheld',
  'appeal.dismissed',
  'feedback.published',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One in-app message; the web app words it from `kind` and `params` in the reader's language. */
export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  params: {
    period?: string;
    agencyCode?: string;
    agencyName?: string;
    name?: string;
    /** A returned submission: why, and who returned it. */
    reason?: string;
    by?: string;
    /** Rectification items: their deadline, and how many were raised at publication. */
    deadline?: string;
    count?: number;
    /** A month's results published: the version, score, rank within the parent and its size, level. */
    version?: number;
    score?: number | null;
    rank?: number | null;
    of?: number;
    level?: 'province' | 'city' | 'county';
  };
  createdAt: string;
  readAt: string | null;
}

/** GET /api/notifications — the caller's, newest first. */
export interface NotificationListDto {
  unread: number;
  items: NotificationDto[];
}
