import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dueDateOf, periodYear, shiftPeriod, workingCalendar } from '@scorecard/scoring';
import {
  MonthDueDateRepository,
  SchemeRepository,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { DEFAULT_DUE_DAY } from './default-scheme';

/** A month's due date, and a province year's due dates, under the scheme and the province calendar. */
@Injectable()
export class MonthDueDateService {
  constructor(
    private readonly schemes: SchemeRepository,
    private readonly calendar: WorkingCalendarRepository,
    private readonly dueDates: MonthDueDateRepository,
  ) {}

  /**
   * The due date of `period` as the scheme of its year and the calendar decide it. The calendar
   * is read for the year the due date falls in and the one after (the n-th working day of a
   * December may run into January).
   */
  async dueDateOf(manager: EntityManager, period: string): Promise<string> {
    const scheme = await this.schemes.findForYear(periodYear(period), manager);
    const dueYear = periodYear(shiftPeriod(period, 1));
    await this.calendar.hold(manager);
    const days = await this.calendar.findYears(dueYear, dueYear + 1, manager);
    return dueDateOf(period, {
      dueDay: scheme?.dueDay ?? DEFAULT_DUE_DAY,
      dueOnWorkingDay: scheme?.dueOnWorkingDay ?? false,
      calendar: workingCalendar(days),
    });
  }

  /**
   * Re-decides the due date of every month still open (after the calendar or the scheme changed),
   * in the caller's transaction. Locked and published months keep theirs: their deadline has been
   * judged. Returns the months whose date moved, with the date before and after.
   */
  async rederiveOpenMonths(
    manager: EntityManager,
  ): Promise<{ period: string; from: string; to: string }[]> {
    const moved: { period: string; from: string; to: string }[] = [];
    for (const month of await this.dueDates.openMonthsForUpdate(manager)) {
      const dueDate = await this.dueDateOf(manager, month.period);
      if (dueDate === month.dueDate) continue;
      await this.dueDates.setDueDate(manager, month.period, dueDate);
      moved.push({ period: month.period, from: month.dueDate, to: dueDate });
    }
    return moved;
  }

  /**
   * The due dates that fall in `year`: of the months from December of the year before to
   * November of `year`, those a change to `year`'s calendar can move.
   */
  async dueDatesFallingIn(
    manager: EntityManager,
    year: number,
  ): Promise<{ period: string; dueDate: string }[]> {
    const first = `${year - 1}-12`;
    const months = Array.from({ length: 12 }, (_, index) => shiftPeriod(first, index));
    const result: { period: string; dueDate: string }[] = [];
    for (const period of months)
      result.push({ period, dueDate: await this.dueDateOf(manager, period) });
    return result;
  }
}
