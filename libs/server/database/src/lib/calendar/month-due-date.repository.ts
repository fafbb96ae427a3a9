import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The due dates of months, as the calendar and the scheme decide them. */
@Injectable()
export class MonthDueDateRepository {
  /** The months still open, with their due dates, locked until the transaction ends. */
  async openMonthsForUpdate(
    manager: EntityManager,
  ): Promise<{ period: string; dueDate: string }[]> {
    return manager.query(
      `SELECT period, to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM period
       WHERE status = 'open' ORDER BY period FOR UPDATE`,
    );
  }

  /** The months among `periods` that exist, with their status and stored due date. */
  async findMonths(
    manager: EntityManager,
    periods: string[],
  ): Promise<{ period: string; status: 'open' | 'locked' | 'published'; dueDate: string }[]> {
    return manager.query(
      `SELECT period, status, to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM period
       WHERE period = ANY($1::text[]) ORDER BY period`,
      [periods],
    );
  }

  async setDueDate(manager: EntityManager, period: string, dueDate: string): Promise<void> {
    await manager.query(`UPDATE period SET due_date = $2 WHERE period = $1 AND status = 'open'`, [
      period,
      dueDate,
    ]);
  }
}
