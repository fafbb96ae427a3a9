import type { PeriodStatus } from '@scorecard/contracts';

export type PeriodAction = 'lock' | 'compute' | 'publish' | 'reopen';

/** What the province can do to a month in each state (open → locked → published → reopened). */
export function actionsFor(status: PeriodStatus): PeriodAction[] {
  switch (status) {
    case 'open':
      return ['lock', 'compute'];
    case 'locked':
      return ['publish'];
    case 'published':
      return ['reopen'];
  }
}

/** A reason is something written: at least 2 characters once trimmed (as the API requires). */
export function isReason(text: string | null | undefined): boolean {
  return (text ?? '').trim().length >= 2;
}
