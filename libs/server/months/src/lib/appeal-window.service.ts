import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { periodYear, workingCalendar } from '@scorecard/scoring';
import { WorkingCalendarRepository } from '@scorecard/server-database';
import { DEFAULT_APPEAL_WORKING_DAYS } from './default-scheme';

/**
 * The working days after publication within which a head may appeal a result of `period`. The
 * scheme of the period's year will say it (`appealWorkingDays`); until the scheme carries it, every
 * year has the default. The one place that answers it.
 */
export async function appealWorkingDaysFor(
  _manager: EntityManager,
  _period: string,
): Promise<number> {
  return DEFAULT_APPEAL_WORKING_DAYS;
}

/** The appeal window of a published month. */
@Injectable()
export class AppealWindowService {
  constructor(private readonly calendar: WorkingCalendarRepository) {}

  /**
   * The last day (Asia/Shanghai) an appeal of `period` may be raised, for a month published on
   * `publishedOn`: `appealWorkingDays` working days after it on the province calendar, the day
   * itself not counted.
   */
  async deadlineOf(manager: EntityManager, period: string, publishedOn: string): Promise<string> {
    const workingDays = await appealWorkingDaysFor(manager, period);
    const year = periodYear(publishedOn);
    // A few working days from late December run into January: read both years.
    const days = await this.calendar.findYears(year, year + 1, manager);
    return workingCalendar(days).addWorkingDays(publishedOn, workingDays);
  }
}
