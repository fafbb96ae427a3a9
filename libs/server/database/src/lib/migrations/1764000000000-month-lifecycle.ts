import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonthLifecycle1764000000000 implements MigrationInterface {
  name = 'MonthLifecycle1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE period
        ADD COLUMN published_version int NOT NULL DEFAULT 0,
        ADD COLUMN locked_at timestamptz,
        ADD COLUMN published_at timestamptz;

      -- City review of each agency's figures.
      ALTER TABLE submission
        ADD COLUMN reviewed_by text,
        ADD COLUMN reviewed_at timestamptz,
        ADD COLUMN return_reason text;

      -- An agency excused from a month (no figures expected), so the month can lock without it.
      CREATE TABLE submission_waiver (
        period char(7) NOT NULL REFERENCES period (period),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        waived_by text NOT NULL,
        waived_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (period, agency_code)
      );

      -- What happened to a month: lock, forced lock, publish, reopen, with who, when and why.
      CREATE TABLE period_event (
        id bigserial PRIMARY KEY,
        period char(7) NOT NULL REFERENCES period (period),
        action text NOT NULL CHECK (action IN ('open', 'lock', 'force_lock', 'publish', 'reopen')),
        version int,
        reason text,
        actor text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX period_event_period_idx ON period_event (period, at);

      -- Published results, frozen per version: rankings of a published month are served from here,
      -- and a republished month keeps its earlier versions readable.
      CREATE TABLE published_result (
        period char(7) NOT NULL,
        version int NOT NULL CHECK (version > 0),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        scope result_scope NOT NULL,
        reported boolean NOT NULL,
        score numeric(5, 2),
        grade text,
        rank_in_parent int,
        parent_size int NOT NULL,
        rank_change_in_parent int,
        rank_in_level int,
        level_size int NOT NULL,
        rank_change_in_level int,
        indicators jsonb NOT NULL,
        PRIMARY KEY (period, version, agency_code, scope)
      );

      -- Reminders sent to agencies that had not reported by the due date.
      CREATE TABLE submission_reminder (
        period char(7) NOT NULL REFERENCES period (period),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        reminded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (period, agency_code)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE submission_reminder, published_result, period_event, submission_waiver;
      ALTER TABLE submission DROP COLUMN reviewed_by, DROP COLUMN reviewed_at, DROP COLUMN return_reason;
      ALTER TABLE period DROP COLUMN published_version, DROP COLUMN locked_at, DROP COLUMN published_at;
    `);
  }
}
