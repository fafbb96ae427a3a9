import type { PeriodStatus, SubmissionStatus } from '@scorecard/contracts';

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, where the months and their due dates are kept. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Whether a month is overdue for an agency: it is still open, its due date has passed, and the
 * agency has not submitted it (nothing saved, or only imported records: a draft).
 */
export function isOverdue(input: {
  dueDate: string | null | undefined;
  periodStatus: PeriodStatus | null | undefined;
  submissionStatus: SubmissionStatus | null | undefined;
  today: string;
}): boolean {
  if (!input.dueDate || input.periodStatus !== 'open') return false;
  const submitted = input.submissionStatus != null && input.submissionStatus !== 'draft';
  return !submitted && input.today > input.dueDate;
}
