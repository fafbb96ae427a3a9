import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A file that would replace figures someone typed in waits for its uploader to confirm or cancel
 * it (`needs_confirmation`, with the list of what it would replace). Each figure records the file
 * that wrote it; a figure typed in has none.
 */
export class ImportConfirmation1764610000000 implements MigrationInterface {
  name = 'ImportConfirmation1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE import_file DROP CONSTRAINT import_file_status_check;
      ALTER TABLE import_file ADD CONSTRAINT import_file_status_check
        CHECK (status IN ('queued', 'applied', 'unchanged', 'rejected', 'failed', 'needs_confirmation', 'cancelled'));
      ALTER TABLE import_file
        ADD COLUMN replace_typed boolean NOT NULL DEFAULT false,
        ADD COLUMN replacements jsonb,
        ADD COLUMN replacement_count bigint;

      ALTER TABLE submission_value ADD COLUMN import_id uuid;
      -- Figures derived from the raw records of a file came from that file.
      UPDATE submission_value v SET import_id = s.import_id
        FROM import_source s
       WHERE s.period = v.period AND s.agency_code = v.agency_code
         AND ((s.kind = 'ratings' AND v.indicator_code = 'satisfaction')
           OR (s.kind = 'consultations' AND v.indicator_code = 'online_reply'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE submission_value DROP COLUMN import_id;
      UPDATE import_file SET status = 'rejected' WHERE status IN ('needs_confirmation', 'cancelled');
      ALTER TABLE import_file DROP COLUMN replace_typed, DROP COLUMN replacements, DROP COLUMN replacement_count;
      ALTER TABLE import_file DROP CONSTRAINT import_file_status_check;
      ALTER TABLE import_file ADD CONSTRAINT import_file_status_check
        CHECK (status IN ('queued', 'applied', 'unchanged', 'rejected', 'failed'));
    `);
  }
}
