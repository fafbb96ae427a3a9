import type { WorkingCalendar } from './working-calendar';

/** The states a rectification item (整改事项) is stored in. */
export type StoredRectificationStatus = 'open' | 'responded' | 'closed';
/** The state people see: `overdue` is derived from the deadline, never stored. */
export type RectificationStatus = StoredRectificationStatus | 'overdue';

/**
 * Whether an item is overdue on `today` (an ISO day in Asia/Shanghai): not closed, and the
 * deadline day has passed. An item is on time through the whole of its deadline day. The
 * database counts with the same rule (`RectificationRepository`'s overdue expression).
 */
export function isRectificationOverdue(item: {
  status: StoredRectificationStatus;
  deadline: string;
  today: string;
}): boolean {
  return item.status !== 'closed' && item.today > item.deadline;
}

/** The state shown for a stored item on `today`. */
export function rectificationStatusOn(item: {
  status: StoredRectificationStatus;
  deadline: string;
  today: string;
}): RectificationStatus {
  return isRectificationOverdue(item) ? 'overdue' : item.status;
}

/**
 * The deadline of an item raised on `raisedOn` (the publication day, Shanghai time): `workingDays`
 * working days after it, the day itself not counted (限期 n 个工作日内整改).
 */
export function rectificationDeadline(input: {
  raisedOn: string;
  workingDays: number;
  calendar: WorkingCalendar;
}): string {
  if (!Number.isInteger(input.workingDays) || input.workingDays < 1)
    throw new RangeError(`rectification period of ${input.workingDays} working days: at least 1`);
  return input.calendar.addWorkingDays(input.raisedOn, input.workingDays);
}

/**
 * Working days from `today` to `deadline`: 0 on the deadline day itself, positive before it
 * (working days still to come, the deadline included), negative after it (working days gone by
 * since the deadline).
 */
export function workingDaysLeft(input: {
  today: string;
  deadline: string;
  calendar: WorkingCalendar;
}): number {
  const { today, deadline, calendar } = input;
  if (today === deadline) return 0;
  const forward = today < deadline;
  let count = 0;
  let day = today;
  while (day !== deadline) {
    day = calendar.addWorkingDays(day, forward ? 1 : -1);
    if (forward ? day > deadline : day < deadline) {
      // The deadline itself is not a working day: stop at the last working day before (after) it.
      return forward ? count : -(count + 1);
    }
    count += 1;
  }
  return forward ? count : -count;
}

/** One result of a published month, as far as the automatic rectification items look at it. */
export interface RectifiableResult {
  grade: string | null;
  indicators: readonly { code: string; score: number | null; denominator: number | string }[];
}

/**
 * What a published result calls to be rectified: the overall result (`null`) when it is graded
 * `fail`, and every indicator at or below its floor (score 0 on a month it applied: denominator
 * above 0), in the order given.
 */
export function rectificationCauses(result: RectifiableResult): (string | null)[] {
  const causes: (string | null)[] = [];
  if (result.grade === 'fail') causes.push(null);
  for (const indicator of result.indicators) {
    if (Number(indicator.denominator) > 0 && indicator.score === 0) causes.push(indicator.code);
  }
  return causes;
}
