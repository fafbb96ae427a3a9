import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bad reviews (差评): every imported rating of level 1–2 is a case of its agency and month, to be
 * verified (核实) and resolved — rectified or explained — by its head within the working days of
 * the scheme, or voided by the province on the agency's appeal. `overdue` is not a status: it is
 * derived from the deadline when read. Each transition is in the audit log with before and after
 * (target `bad-review/<id>`).
 *
 * Replacing a ratings file keeps a case whose `rating_id` comes again (its status, notes and
 * deadline; the rating's details are refreshed). A case whose rating is gone is deleted when nobody
 * acted on it yet (nothing to account for), otherwise voided as `withdrawn` with the status it had,
 * so that the work done stays on record; it comes back to that status if its rating returns.
 */
export class BadReviews1764720000000 implements MigrationInterface {
  name = 'BadReviews1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bad_review (
        id bigserial PRIMARY KEY,
        -- No foreign keys, as for the ratings they come from: the importer checked the agency and
        -- holds the month's row, and per-row checks would double the time of a large file.
        period char(7) NOT NULL,
        agency_code char(6) NOT NULL,
        -- The 好差评 system's id of the rating; null when the file had none (such cases cannot be
        -- matched on a re-import).
        rating_id text,
        rated_at timestamptz NOT NULL,
        channel text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 2),
        service_item text,
        comment text,
        import_id uuid,
        deadline date NOT NULL,
        status text NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'verified', 'appealed', 'closed', 'voided')),
        -- How a closed case was resolved.
        outcome text CHECK (outcome IN ('rectified', 'explained')),
        -- How a voided case ended: by the province's ruling, or withdrawn when its rating was gone.
        voided_as text CHECK (voided_as IN ('ruling', 'withdrawn')),
        -- The status an appeal dismissed returns the case to.
        previous_status text CHECK (previous_status IN ('open', 'verified')),
        -- The status a withdrawn case had, and returns to should its rating come again.
        withdrawn_from text CHECK (withdrawn_from IN ('open', 'verified', 'appealed', 'closed')),
        verify_note text,
        verified_by text,
        verified_at timestamptz,
        resolve_note text,
        resolved_by text,
        resolved_at timestamptz,
        appeal_reason text,
        appealed_by text,
        appealed_at timestamptz,
        ruling_void boolean,
        ruling_note text,
        ruled_by text,
        ruled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'closed') = (outcome IS NOT NULL)),
        CHECK ((status = 'voided') = (voided_as IS NOT NULL))
      );
      CREATE UNIQUE INDEX bad_review_rating_once
        ON bad_review (period, agency_code, rating_id) WHERE rating_id IS NOT NULL;
      CREATE INDEX bad_review_agency_idx ON bad_review (agency_code, period, deadline);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bad_review`);
  }
}
