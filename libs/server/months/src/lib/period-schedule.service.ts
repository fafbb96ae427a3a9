import { Injectable } from '@nestjs/common';
import { dayOf, periodOf, shiftPeriod } from '@scorecard/scoring';
import { PeriodLifecycleRepository, TransactionRunner } from '@scorecard/server-database';
import { MonthDueDateService } from './month-due-date.service';

/** The calendar side of the lifecycle, run by scheduled jobs; every step is idempotent. */
@Injectable()
export class PeriodScheduleService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly dueDates: MonthDueDateService,
    private readonly lifecycle: PeriodLifecycleRepository,
  ) {}

  /**
   * Opens the month that has just ended (month M opens on the 1st of M+1, Shanghai time), due on
   * the scheme's due day of M+1 under the province calendar. Returns the month if it was opened now, null if it existed.
   */
  async openEndedMonth(now: Date): Promise<string | null> {
    const period = shiftPeriod(periodOf(now), -1);
    return (await this.openMonth(period)) ? period : null;
  }

  /** Opens a month unless it exists, due as its year's scheme says; answers whether it opened now. */
  async openMonth(period: string): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const dueDate = await this.dueDates.dueDateOf(manager, period);
      if (!(await this.lifecycle.openIfAbsent(manager, period, dueDate))) return false;
      await this.lifecycle.recordEvent(manager, { period, action: 'open', actor: 'system' });
      return true;
    });
  }

  /**
   * Records a reminder for every agency that has not reported an open month past its due date.
   * The stored due date already follows the calendar: changing the calendar re-derives it.
   */
  async remindOverdue(now: Date): Promise<{ period: string; agencies: string[] }[]> {
    const today = dayOf(now);
    const reminded: { period: string; agencies: string[] }[] = [];
    for (const period of await this.lifecycle.openPastDue(today)) {
      const agencies = await this.transactions.run((manager) => this.lifecycle.remindMissing(manager, period));
      reminded.push({ period, agencies });
    }
    return reminded;
  }
}
