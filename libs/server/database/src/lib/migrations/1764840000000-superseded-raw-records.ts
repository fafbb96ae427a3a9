import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A later file for an agency-month no longer deletes the earlier file's raw records in its own
 * transaction: it adds its records and notes the agency-month here, with its own import, as the
 * records that now count. The records of other imports of a noted agency-month are superseded and
 * are deleted after the file is applied, in a transaction of their own (a pass over the month that
 * no import waits for). Nothing reads raw records but that clean-up, so the months' partitions need
 * no index by agency: keeping one cost more than the rest of a large import together.
 */
export class SupersededRawRecords1764840000000 implements MigrationInterface {
  name = 'SupersededRawRecords1764840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX rating_period_agency_idx, consultation_period_agency_idx;
      CREATE TABLE raw_record_superseded (
        kind text NOT NULL CHECK (kind IN ('ratings', 'consultations')),
        period char(7) NOT NULL,
        agency_code char(6) NOT NULL,
        -- The import whose records the agency-month keeps.
        import_id uuid NOT NULL,
        PRIMARY KEY (kind, period, agency_code)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE raw_record_superseded;
      CREATE INDEX rating_period_agency_idx ON rating (period, agency_code);
      CREATE INDEX consultation_period_agency_idx ON consultation (period, agency_code);
    `);
  }
}
