import type { EntityManager } from 'typeorm';

/**
 * The working days a bad review of a month has (`badReviewWorkingDays` of the scheme). The rule is
 * the month workflows' (libs/server/months provides it under this token); the importer, which
 * creates the cases, asks it without depending on that lib.
 */
export const BAD_REVIEW_WORKING_DAYS = 'BAD_REVIEW_WORKING_DAYS';
export type BadReviewWorkingDays = (manager: EntityManager, period: string) => Promise<number>;
