import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Days that differ from the weekday rule, as stored: holidays and make-up workdays. */
export interface StoredCalendarDays {
  holidays: string[];
  workdays: string[];
}

/** The province's working-day calendar, one row per listed day. */
@Injectable()
export class WorkingCalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The listed days of the years `fromYear` … `toYear`, in date order. */
  async findYears(
    fromYear: number,
    toYear: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredCalendarDays> {
    const rows: { day: string; kind: 'holiday' | 'workday' }[] = await manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day
       WHERE day >= make_date($1, 1, 1) AND day < make_date($2 + 1, 1, 1) ORDER BY day`,
      [fromYear, toYear],
    );
    return {
      holidays: rows.filter((row) => row.kind === 'holiday').map((row) => row.day),
      workdays: rows.filter((row) => row.kind === 'workday').map((row) => row.day),
    };
  }

  /**
   * Waits until no replacement of the calendar is under way, and keeps one from starting until the
   * transaction ends: a due date decided now is not decided on a calendar about to change.
   */
  async hold(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(hashtext('calendar_day'))`);
  }

  /**
   * Replaces a year's days with `days` (already checked to lie in that year) and answers the days
   * it replaced. Replacements queue behind each other and behind due dates being decided (one lock
   * for the whole calendar: the due dates a change re-derives reach into the next year, and
   * per-year locks could then deadlock).
   */
  async replaceYear(
    manager: EntityManager,
    year: number,
    days: StoredCalendarDays,
  ): Promise<StoredCalendarDays> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('calendar_day'))`);
    const before = await this.findYears(year, year, manager);
    await manager.query(
      `DELETE FROM calendar_day WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1)`,
      [year],
    );
    await manager.query(
      `INSERT INTO calendar_day (day, kind)
       SELECT day::date, 'holiday' FROM unnest($1::text[]) AS day
       UNION ALL SELECT day::date, 'workday' FROM unnest($2::text[]) AS day`,
      [days.holidays, days.workdays],
    );
    return before;
  }
}
