import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads wait in PostgreSQL, not on the API's disk: the API and the workers share nothing but
 * PostgreSQL and Redis, so the worker that takes an import reads its file from here. The chunks are
 * written in the transaction that records the import (the key is checked at its commit, so the
 * chunks may stream in before the import row) and go when the import ends.
 */
export class ImportUploadChunks1764670000000 implements MigrationInterface {
  name = 'ImportUploadChunks1764670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE import_upload_chunk (
        import_id uuid NOT NULL REFERENCES import_file (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        seq integer NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (import_id, seq)
      );
      -- A file stored on one host's disk cannot reach a worker elsewhere: what still waited for one
      -- ends failed, to be uploaded again.
      UPDATE import_file SET status = 'failed', failure_reason = 'error', finished_at = now()
       WHERE status IN ('queued', 'needs_confirmation');
      ALTER TABLE import_file DROP COLUMN stored_path;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE import_file ADD COLUMN stored_path text;
      DROP TABLE import_upload_chunk;
    `);
  }
}
