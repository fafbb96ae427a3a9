import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dueDateOf, periodYear, shiftPeriod, workingCalendar } from '@scorecard/scoring';
import {
  MonthDueDateRepository,
  SchemeRepository,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { DEFAULT_DUE_DAY } from './default-scheme';

/** A month's due date and the rule that decided it; `status` null for a month not opened yet. */
export interface MonthDueDate {
  period: string;
  dueDate: string;
  dueDay: number;
  dueOnWorkingDay: boolean;
  status: 'open' | 'locked' | 'published' | null;
}

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
    return (await this.decide(manager, period)).dueDate;
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
   * November of `year`, those a change to `year`'s calendar can move. A locked or published month
   * answers the due date it was judged by; an open or future one what the calendar decides now.
   */
  async dueDatesFallingIn(manager: EntityManager, year: number): Promise<MonthDueDate[]> {
    const first = `${year - 1}-12`;
    const periods = Array.from({ length: 12 }, (_, index) => shiftPeriod(first, index));
    const existing = new Map(
      (await this.dueDates.findMonths(manager, periods)).map((month) => [month.period, month]),
    );
    const result: MonthDueDate[] = [];
    for (const period of periods) {
      const decided = await this.decide(manager, period);
      const month = existing.get(period);
      const judged = month !== undefined && month.status !== 'open';
      result.push({
        period,
        ...decided,
        dueDate: judged ? month.dueDate : decided.dueDate,
        status: month?.status ?? null,
      });
    }
    return result;
  }

  private async decide(
    manager: EntityManager,
    period: string,
  ): Promise<{ dueDate: string; dueDay: number; dueOnWorkingDay: boolean }> {
    const scheme = await this.schemes.findInForce(period, manager);
    const dueDay = scheme?.dueDay ?? DEFAULT_DUE_DAY;
    const dueOnWorkingDay = scheme?.dueOnWorkingDay ?? false;
    const dueYear = periodYear(shiftPeriod(period, 1));
    await this.calendar.hold(manager);
    const days = await this.calendar.findYears(dueYear, dueYear + 1, manager);
    const dueDate = dueDateOf(period, { dueDay, dueOnWorkingDay, calendar: workingCalendar(days) });
    return { dueDate, dueDay, dueOnWorkingDay };
  }
}
