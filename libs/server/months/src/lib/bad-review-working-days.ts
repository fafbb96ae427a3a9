import type { EntityManager } from 'typeorm';
import { DEFAULT_BAD_REVIEW_WORKING_DAYS } from './default-scheme';

/**
 * The working days an agency has to follow up a bad review (差评) of `period`. The scheme of the
 * period's year will say it (`badReviewWorkingDays`); until the scheme carries it, every year has
 * the default. The one place that answers it.
 */
export async function badReviewWorkingDaysFor(
  _manager: EntityManager,
  _period: string,
): Promise<number> {
  return DEFAULT_BAD_REVIEW_WORKING_DAYS;
}
