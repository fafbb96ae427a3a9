import { Injectable } from '@nestjs/common';
import type { CalendarDto, CalendarDueDatesDto } from '@scorecard/contracts';
import { calendarYearProblems } from '@scorecard/scoring';
import {
  AuditLogRepository,
  TransactionRunner,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { MonthDueDateService } from '@scorecard/server-months';
import { InvalidInputError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { readCalendarSpreadsheet } from './calendar-spreadsheet';
import type { PutCalendarDto } from './calendar.dto';

/** An uploaded calendar spreadsheet, held in memory (a year is a few hundred rows at most). */
export interface UploadedCalendar {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * The province's working-day calendar, replaced a year at a time. A change re-decides the due
 * dates of the months still open in the same transaction. Submissions already flagged late keep
 * their flag: it records the deadline that stood when the figures came in, and the completeness
 * counts of a month must not change behind the province's back.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly calendar: WorkingCalendarRepository,
    private readonly monthDueDates: MonthDueDateService,
    private readonly audit: AuditLogRepository,
  ) {}

  async find(year: number): Promise<CalendarDto> {
    return { year, ...(await this.calendar.findYears(year, year)) };
  }

  async put(caller: AuthenticatedUser, year: number, body: PutCalendarDto): Promise<CalendarDto> {
    const problems = calendarYearProblems(year, body);
    if (problems.length > 0) throw new InvalidInputError(problems);
    return this.replace(
      caller,
      year,
      { holidays: [...body.holidays].sort(), workdays: [...body.workdays].sort() },
      'calendar.put',
    );
  }

  /** Replaces the year with a spreadsheet's days, or with nothing at all when one row is wrong. */
  async import(
    caller: AuthenticatedUser,
    year: number,
    file: UploadedCalendar | undefined,
  ): Promise<CalendarDto> {
    if (!file) throw new InvalidInputError([{ field: 'file', key: 'field.fileMissing' }]);
    if (file.size === 0)
      throw new InvalidInputError([{ field: 'file', key: 'calendar.fileEmpty' }]);
    const read = await readCalendarSpreadsheet({
      bytes: file.buffer,
      fileName: file.originalname,
      year,
    });
    if (read.errors.length > 0) throw new InvalidInputError(read.errors);
    return this.replace(
      caller,
      year,
      { holidays: read.holidays.sort(), workdays: read.workdays.sort() },
      'calendar.import',
    );
  }

  /** The due dates falling in `year` (December of the year before to November), as they stand. */
  async dueDates(year: number): Promise<CalendarDueDatesDto> {
    return this.transactions.run(async (manager) => ({
      year,
      months: await this.monthDueDates.dueDatesFallingIn(manager, year),
    }));
  }

  private replace(
    caller: AuthenticatedUser,
    year: number,
    days: { holidays: string[]; workdays: string[] },
    action: string,
  ): Promise<CalendarDto> {
    return this.transactions.run(async (manager) => {
      const before = await this.calendar.replaceYear(manager, year, days);
      const moved = await this.monthDueDates.rederiveOpenMonths(manager);
      await this.audit.recordAction(manager, caller, action, `calendar/${year}`, before, {
        ...days,
        dueDatesMoved: moved,
      });
      return { year, ...days };
    });
  }
}
