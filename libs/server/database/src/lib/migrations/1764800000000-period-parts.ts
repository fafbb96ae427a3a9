import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Months run per province in a national tree: each province's part of a month (its status, the
 * month-wide published version that last carried its results, and when it was locked and
 * published). A province's own deployment never has a part: its single part is the month row.
 * The month's history names the province a step concerns, and records a forced national
 * publication.
 */
export class PeriodParts1764800000000 implements MigrationInterface {
  name = 'PeriodParts1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE period_part (
        period char(7) NOT NULL REFERENCES period (period) ON DELETE CASCADE,
        province_code char(6) NOT NULL REFERENCES agency (code),
        status period_status NOT NULL,
        published_version int NOT NULL DEFAULT 0,
        locked_at timestamptz,
        published_at timestamptz,
        PRIMARY KEY (period, province_code)
      );
      ALTER TABLE period_event ADD COLUMN province_code char(6);
      ALTER TABLE period_event DROP CONSTRAINT period_event_action_check;
      ALTER TABLE period_event ADD CONSTRAINT period_event_action_check
        CHECK (action IN ('open', 'lock', 'force_lock', 'publish', 'force_publish', 'reopen'));
    `);
    // A part's change alters what its province's readers are shown, as a month row's change does.
    await queryRunner.query(`
      CREATE TRIGGER period_part_ranking_change AFTER INSERT OR UPDATE OR DELETE ON period_part
        FOR EACH ROW EXECUTE FUNCTION notify_ranking_period_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM period_event WHERE action = 'force_publish';
      ALTER TABLE period_event DROP CONSTRAINT period_event_action_check;
      ALTER TABLE period_event ADD CONSTRAINT period_event_action_check
        CHECK (action IN ('open', 'lock', 'force_lock', 'publish', 'reopen'));
      ALTER TABLE period_event DROP COLUMN province_code;
      DROP TRIGGER period_part_ranking_change ON period_part;
      DROP TABLE period_part;
    `);
  }
}
