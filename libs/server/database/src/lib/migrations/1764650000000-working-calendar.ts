import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The province's working-day calendar: the days that differ from the weekday rule (holidays on
 * weekdays, make-up workdays on weekends), kept per day and replaced a year at a time; and the
 * scheme's choice of counting the due day in working days.
 */
export class WorkingCalendar1764650000000 implements MigrationInterface {
  name = 'WorkingCalendar1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calendar_day (
        day date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('holiday', 'workday'))
      )`);
    await queryRunner.query(
      `ALTER TABLE indicator_scheme ADD COLUMN due_on_working_day boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE indicator_scheme DROP COLUMN due_on_working_day`);
    await queryRunner.query(`DROP TABLE calendar_day`);
  }
}
