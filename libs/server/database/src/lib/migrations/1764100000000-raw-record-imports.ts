import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RawRecordImports1764100000000 implements MigrationInterface {
  name = 'RawRecordImports1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE import_file (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('ratings', 'consultations', 'submissions')),
        file_name text NOT NULL,
        size_bytes bigint NOT NULL,
        content_hash char(64) NOT NULL,
        uploaded_by text NOT NULL,
        uploader_role text NOT NULL,
        uploader_agency char(6) NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'applied', 'unchanged', 'rejected')),
        rows bigint,
        error_count bigint,
        errors jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE INDEX import_file_hash_idx ON import_file (kind, content_hash);

      -- Which file's records currently make up an agency-month's figures of each kind: a later file
      -- for the same agency-month replaces the earlier one, the same file again changes nothing.
      CREATE TABLE import_source (
        kind text NOT NULL,
        period char(7) NOT NULL,
        agency_code char(6) NOT NULL REFERENCES agency (code),
        import_id uuid NOT NULL REFERENCES import_file (id),
        content_hash char(64) NOT NULL,
        PRIMARY KEY (kind, period, agency_code)
      );

      -- Raw records, partitioned by month (partitions are created as months arrive).
      CREATE TABLE rating (
        period char(7) NOT NULL,
        agency_code char(6) NOT NULL,
        rated_at timestamptz NOT NULL,
        channel text NOT NULL CHECK (channel IN ('window', 'online', 'phone', 'app')),
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
        import_id uuid NOT NULL
      ) PARTITION BY LIST (period);

      CREATE TABLE consultation (
        period char(7) NOT NULL,
        agency_code char(6) NOT NULL,
        asked_at timestamptz NOT NULL,
        replied_at timestamptz,
        answered_within_48h boolean NOT NULL,
        import_id uuid NOT NULL,
        CHECK (replied_at IS NULL OR replied_at >= asked_at)
      ) PARTITION BY LIST (period);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE consultation, rating, import_source, import_file');
  }
}
