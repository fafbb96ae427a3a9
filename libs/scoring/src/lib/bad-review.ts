import type { WorkingCalendar } from './working-calendar';

/** The states a bad review (差评) case is stored in. */
export const STORED_BAD_REVIEW_STATUSES = [
  'open',
  'verified',
  'appealed',
  'closed',
  'voided',
] as const;
export type StoredBadReviewStatus = (typeof STORED_BAD_REVIEW_STATUSES)[number];
/** The state people see: `overdue` is derived from the deadline, never stored. */
export type BadReviewStatus = StoredBadReviewStatus | 'overdue';

/** Ratings of these levels (不满意, 非常不满意) are bad reviews, each a case of its agency. */
export function isBadReviewLevel(level: number): boolean {
  return level >= 1 && level <= 2;
}

/**
 * Whether a case is overdue on `today` (an ISO day in Asia/Shanghai): neither closed nor voided,
 * and the deadline day has passed (on time through the whole deadline day). The database counts
 * with the same rule (`BadReviewRepository`'s overdue expression).
 */
export function isBadReviewOverdue(item: {
  status: StoredBadReviewStatus;
  deadline: string;
  today: string;
}): boolean {
  return item.status !== 'closed' && item.status !== 'voided' && item.today > item.deadline;
}

/** The state shown for a stored case on `today`. */
export function badReviewStatusOn(item: {
  status: StoredBadReviewStatus;
  deadline: string;
  today: string;
}): BadReviewStatus {
  return isBadReviewOverdue(item) ? 'overdue' : item.status;
}

/**
 * The deadline of a case imported on `importedOn` (Shanghai day): `workingDays` working days after
 * it on the province calendar, the day itself not counted.
 */
export function badReviewDeadline(input: {
  importedOn: string;
  workingDays: number;
  calendar: WorkingCalendar;
}): string {
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1)
    throw new RangeError(`bad review period of ${input.workingDays} working days: at least 1`);
  return input.calendar.addWorkingDays(input.importedOn, input.workingDays);
}
