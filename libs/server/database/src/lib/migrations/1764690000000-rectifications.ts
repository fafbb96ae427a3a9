import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rectification items (整改事项) raised after publication: automatically for a failed result or an
 * indicator at its floor, or by hand by an admin above the agency. `overdue` is not a status: it is
 * derived from the deadline when read. Each transition is in the audit log with before and after
 * (target `rectification/<id>`), which is the item's history.
 */
export class Rectifications1764690000000 implements MigrationInterface {
  name = 'Rectifications1764690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rectification (
        id bigserial PRIMARY KEY,
        period char(7) NOT NULL REFERENCES period (period),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        -- null: the overall result.
        indicator_code text,
        source text NOT NULL CHECK (source IN ('auto', 'manual')),
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        deadline date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'responded', 'closed')),
        -- How a closed item ended: accepted by the admin, or withdrawn by the system when a
        -- republished version no longer calls for it.
        closed_as text CHECK (closed_as IN ('accepted', 'withdrawn')),
        response_cause text,
        response_measures text,
        responded_by text,
        responded_at timestamptz,
        verification_accepted boolean,
        verification_note text,
        verified_by text,
        verified_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'closed') = (closed_as IS NOT NULL))
      );
      -- One automatic item per month, agency and cause, whatever the published version.
      CREATE UNIQUE INDEX rectification_auto_once
        ON rectification (period, agency_code, coalesce(indicator_code, '')) WHERE source = 'auto';
      CREATE INDEX rectification_agency_idx ON rectification (agency_code, deadline);
      CREATE INDEX rectification_period_idx ON rectification (period);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rectification`);
  }
}
