import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An accepted upload remembers where it waits, so that it gets its job whenever the queue answers;
 * an import whose job failed for good ends `failed` with a reason instead of staying `queued`.
 */
export class ImportFailures1764600000000 implements MigrationInterface {
  name = 'ImportFailures1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE import_file ADD COLUMN stored_path text;
      ALTER TABLE import_file ADD COLUMN failure_reason text CHECK (failure_reason IN ('interrupted', 'error'));
      ALTER TABLE import_file DROP CONSTRAINT import_file_status_check;
      ALTER TABLE import_file ADD CONSTRAINT import_file_status_check
        CHECK (status IN ('queued', 'applied', 'unchanged', 'rejected', 'failed'));
      CREATE INDEX import_file_queued_idx ON import_file (created_at) WHERE status = 'queued';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX import_file_queued_idx;
      UPDATE import_file SET status = 'rejected' WHERE status = 'failed';
      ALTER TABLE import_file DROP CONSTRAINT import_file_status_check;
      ALTER TABLE import_file ADD CONSTRAINT import_file_status_check
        CHECK (status IN ('queued', 'applied', 'unchanged', 'rejected'));
      ALTER TABLE import_file DROP COLUMN failure_reason;
      ALTER TABLE import_file DROP COLUMN stored_path;
    `);
  }
}
