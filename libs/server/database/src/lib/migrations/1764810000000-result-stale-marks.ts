import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a month's stored results are behind on, agency by agency: a save, an import or a correction
 * marks the agencies it touched in the transaction that writes their figures, and the month's
 * computation clears exactly the marks it has taken into account (a mark renewed meanwhile carries a
 * new `mark` and stays). The agency `*` stands for the whole month (a scheme change, a newly
 * published previous month, a recompute asked for): only a full computation clears it.
 */
export class ResultStaleMarks1764810000000 implements MigrationInterface {
  name = 'ResultStaleMarks1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SEQUENCE result_stale_mark_seq;
      CREATE TABLE result_stale (
        period char(7) NOT NULL REFERENCES period (period) ON DELETE CASCADE,
        agency_code text NOT NULL,
        mark bigint NOT NULL DEFAULT nextval('result_stale_mark_seq'),
        PRIMARY KEY (period, agency_code)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE result_stale; DROP SEQUENCE result_stale_mark_seq;');
  }
}
