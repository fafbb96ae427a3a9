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

  async setDueDate(manager: EntityManager, period: string, dueDate: string): Promise<void> {
    await manager.query(`UPDATE period SET due_date = $2 WHERE period = $1 AND status = 'open'`, [
      period,
      dueDate,
    ]);
  }
}
