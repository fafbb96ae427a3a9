import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appeals (异议) of a published result, and the talks (约谈) the province holds with a warned agency.
 * An upheld appeal reopens its month: the reopening event names the appeal. Each transition is in
 * the audit log (target `appeal/<id>`, `warning-talk/<period>/<agency>`).
 */
export class AppealsAndWarningTalks1764710000000 implements MigrationInterface {
  name = 'AppealsAndWarningTalks1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE appeal (
        id bigserial PRIMARY KEY,
        period char(7) NOT NULL REFERENCES period (period),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        -- null: the overall result.
        indicator_code text,
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        -- The last day it could be raised: the window it was raised in.
        deadline date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
        resolution_note text,
        resolved_by text,
        resolved_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'open') = (resolved_at IS NULL))
      );
      -- One open appeal per agency and month.
      CREATE UNIQUE INDEX appeal_open_once ON appeal (period, agency_code) WHERE status = 'open';
      CREATE INDEX appeal_agency_idx ON appeal (agency_code, period);

      -- The appeal an upheld reopening answers.
      ALTER TABLE period_event ADD COLUMN appeal_id bigint REFERENCES appeal (id);

      CREATE TABLE warning_talk (
        period char(7) NOT NULL REFERENCES period (period),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        held_on date NOT NULL,
        note text NOT NULL CHECK (length(trim(note)) > 0),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (period, agency_code)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE warning_talk;
      ALTER TABLE period_event DROP COLUMN appeal_id;
      DROP TABLE appeal;
    `);
  }
}
