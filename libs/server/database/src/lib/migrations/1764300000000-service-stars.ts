import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceStars1764300000000 implements MigrationInterface {
  name = 'ServiceStars1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- The star rules of a year's scheme (seed 000: 20/20/40/20; nobody star twice within 12 months;
      -- 5 days of publicity).
      ALTER TABLE indicator_scheme
        ADD COLUMN star_weight_work numeric(6, 2) NOT NULL DEFAULT 20 CHECK (star_weight_work >= 0),
        ADD COLUMN star_weight_peer numeric(6, 2) NOT NULL DEFAULT 20 CHECK (star_weight_peer >= 0),
        ADD COLUMN star_weight_leader numeric(6, 2) NOT NULL DEFAULT 40 CHECK (star_weight_leader >= 0),
        ADD COLUMN star_weight_attendance numeric(6, 2) NOT NULL DEFAULT 20 CHECK (star_weight_attendance >= 0),
        ADD COLUMN star_cooldown_months smallint NOT NULL DEFAULT 12 CHECK (star_cooldown_months BETWEEN 0 AND 120),
        ADD COLUMN star_publicity_days smallint NOT NULL DEFAULT 5 CHECK (star_publicity_days BETWEEN 1 AND 60),
        ADD CONSTRAINT indicator_scheme_star_weights_check
          CHECK (star_weight_work + star_weight_peer + star_weight_leader + star_weight_attendance > 0);

      -- One selection per agency and month (一月一星).
      CREATE TABLE star_round (
        period char(7) NOT NULL REFERENCES period (period),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'publicizing', 'confirmed')),
        star_candidate_id bigint,
        total numeric(5, 2),
        selected_at timestamptz,
        selected_by text,
        publicity_ends_at timestamptz,
        confirmed_at timestamptz,
        PRIMARY KEY (period, agency_code),
        CHECK ((status = 'open') = (star_candidate_id IS NULL)),
        CHECK ((status = 'open') = (publicity_ends_at IS NULL)),
        CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
      );
      CREATE INDEX star_round_due_idx ON star_round (publicity_ends_at) WHERE status = 'publicizing';

      CREATE TABLE star_candidate (
        id bigserial PRIMARY KEY,
        period char(7) NOT NULL,
        agency_code char(6) NOT NULL,
        staff_username text NOT NULL REFERENCES app_user (username),
        post text NOT NULL CHECK (length(trim(post)) > 0),
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        evidence jsonb,
        work numeric(5, 2) CHECK (work BETWEEN 0 AND 100),
        leader numeric(5, 2) CHECK (leader BETWEEN 0 AND 100),
        attendance numeric(5, 2) CHECK (attendance BETWEEN 0 AND 100),
        -- The secret ballot keeps only each candidate's count, never who voted for whom.
        votes int NOT NULL DEFAULT 0 CHECK (votes >= 0),
        withdrawn boolean NOT NULL DEFAULT false,
        nominated_at timestamptz NOT NULL DEFAULT now(),
        nominated_by text NOT NULL,
        FOREIGN KEY (period, agency_code) REFERENCES star_round (period, agency_code),
        UNIQUE (period, agency_code, staff_username)
      );
      CREATE INDEX star_candidate_staff_idx ON star_candidate (staff_username);
      ALTER TABLE star_round
        ADD CONSTRAINT star_round_star_candidate_fk FOREIGN KEY (star_candidate_id) REFERENCES star_candidate (id);

      -- Who has voted in an agency-month (one vote each), deliberately without the choice or the time.
      CREATE TABLE star_voter (
        period char(7) NOT NULL,
        agency_code char(6) NOT NULL,
        username text NOT NULL REFERENCES app_user (username),
        PRIMARY KEY (period, agency_code, username),
        FOREIGN KEY (period, agency_code) REFERENCES star_round (period, agency_code)
      );

      -- Objections filed during the publicity window, and their rulings.
      CREATE TABLE star_objection (
        id bigserial PRIMARY KEY,
        period char(7) NOT NULL,
        agency_code char(6) NOT NULL,
        candidate_id bigint NOT NULL REFERENCES star_candidate (id),
        reason text NOT NULL CHECK (length(trim(reason)) > 0),
        filed_by text NOT NULL,
        filed_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed', 'void')),
        resolution_note text,
        resolved_by text,
        resolved_at timestamptz,
        FOREIGN KEY (period, agency_code) REFERENCES star_round (period, agency_code),
        CHECK ((status = 'open') = (resolved_at IS NULL))
      );
      CREATE INDEX star_objection_round_idx ON star_objection (period, agency_code);

      -- In-app messages; a dedupe key makes scheduled announcements idempotent.
      CREATE TABLE notification (
        id bigserial PRIMARY KEY,
        username text NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
        kind text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        dedupe_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX notification_username_idx ON notification (username, id DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE notification, star_objection, star_voter;
      ALTER TABLE star_round DROP CONSTRAINT star_round_star_candidate_fk;
      DROP TABLE star_candidate, star_round;
      ALTER TABLE indicator_scheme
        DROP CONSTRAINT indicator_scheme_star_weights_check,
        DROP COLUMN star_weight_work,
        DROP COLUMN star_weight_peer,
        DROP COLUMN star_weight_leader,
        DROP COLUMN star_weight_attendance,
        DROP COLUMN star_cooldown_months,
        DROP COLUMN star_publicity_days;
    `);
  }
}
