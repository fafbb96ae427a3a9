/** The kinds of follow-up an agency answers after publication. */
export type FollowUpKind = 'rectification' | 'badReview' | 'appeal';

/**
 * One follow-up waiting on an agency (`GET /follow-ups/mine`): a rectification item to answer
 * (open or sent back), a bad-review case to handle (open or verified), or its appeal still
 * pending with the province.
 */
export interface FollowUpDto {
  kind: FollowUpKind;
  id: string;
  period: string;
  agencyCode: string;
  indicatorCode: string | null;
  /** What it is about: the item's reason, the review's service item or comment, the appeal's reason. */
  summary: string;
  /** The kind's own status (`overdue` derived where the kind has it). */
  status: string;
  deadline: string;
  /** Working days to the deadline (0: due today; negative: overdue); null when the agency waits on others. */
  workingDaysLeft: number | null;
}
