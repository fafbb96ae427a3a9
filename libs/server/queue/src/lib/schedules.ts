import { JobName } from './queue-names';

/** Repeating jobs of the schedule queue, in Asia/Shanghai time; upserted by every worker at start. */
export const SCHEDULES = [
  // Daily rather than only on the 1st, so a month is still opened if a worker was down that night.
  { id: 'open-ended-month', name: JobName.OpenEndedMonth, pattern: '5 0 * * *' },
  { id: 'remind-overdue', name: JobName.RemindOverdue, pattern: '0 9 * * *' },
  // Stars whose publicity window (公示) has ended with no objection open are confirmed.
  { id: 'confirm-stars', name: JobName.ConfirmStars, pattern: '*/15 * * * *' },
] as const;

export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';
