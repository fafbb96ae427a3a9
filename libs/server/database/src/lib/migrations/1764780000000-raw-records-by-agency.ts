import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A later file for an agency-month replaces the earlier one's raw records: an index by agency in
 * every month's partition (the parent's index is created on each partition, present and future) lets
 * that delete read only the agency's own rows, not the whole month of every agency.
 */
export class RawRecordsByAgency1764780000000 implements MigrationInterface {
  name = 'RawRecordsByAgency1764780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX rating_period_agency_idx ON rating (period, agency_code);
      CREATE INDEX consultation_period_agency_idx ON consultation (period, agency_code);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX consultation_period_agency_idx, rating_period_agency_idx');
  }
}
