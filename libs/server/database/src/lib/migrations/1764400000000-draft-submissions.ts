import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submission that imported raw records (ratings, consultations) created is a `draft` until the
 * agency submits its month; only submitted ones are ranked.
 */
export class DraftSubmissions1764400000000 implements MigrationInterface {
  name = 'DraftSubmissions1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE submission DROP CONSTRAINT submission_status_check;
      ALTER TABLE submission ADD CONSTRAINT submission_status_check
        CHECK (status IN ('draft', 'submitted', 'approved', 'returned'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM submission WHERE status = 'draft';
      ALTER TABLE submission DROP CONSTRAINT submission_status_check;
      ALTER TABLE submission ADD CONSTRAINT submission_status_check
        CHECK (status IN ('submitted', 'approved', 'returned'));
    `);
  }
}
