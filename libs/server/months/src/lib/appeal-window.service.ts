import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { periodYear, workingCalendar } from '@scorecard/scoring';
import { DEFAULT_SCHEME_SETTINGS, SchemeRepository, WorkingCalendarRepository } from '@scorecard/server-database';

/** The appeal window of a published month. */
@Injectable()
export class AppealWindowService {
  constructor(
    private readonly calendar: WorkingCalendarRepository,
    private readonly schemes: SchemeRepository,
  ) {}

  /** The working days after publication within which a head may appeal a result of `period`: the scheme in force that month says. */
  async appealWorkingDaysFor(manager: EntityManager, period: string): Promise<number> {
    const scheme = await this.schemes.findInForce(period, manager);
    return scheme?.appealWorkingDays ?? DEFAULT_SCHEME_SETTINGS.appealWorkingDays;
  }

  /**
   * The last day (Asia/Shanghai) an appeal of `period` may be raised, for a month published on
   * `publishedOn`: `appealWorkingDays` working days after it on the province calendar, the day
   * itself not counted.
   */
  async deadlineOf(manager: EntityManager, period: string, publishedOn: string): Promise<string> {
    const workingDays = await this.appealWorkingDaysFor(manager, period);
    const year = periodYear(publishedOn);
    // A few working days from late December run into January: read both years.
    const days = await this.calendar.findYears(year, year + 1, manager);
    return workingCalendar(days).addWorkingDays(publishedOn, workingDays);
  }
}
