import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecurityAndAudit1763900000000 implements MigrationInterface {
  name = 'SecurityAndAudit1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- Sessions: one per login; the refresh token is stored only as a hash. Logout or a disabled
      -- account revokes the session, and with it every access token that names it.
      CREATE TABLE user_session (
        id uuid PRIMARY KEY,
        user_id int NOT NULL REFERENCES app_user (id),
        refresh_token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX user_session_user_id_idx ON user_session (user_id);

      -- Consecutive failed logins per username (known or not), for the lock-out.
      CREATE TABLE login_failure (
        username text PRIMARY KEY,
        failures int NOT NULL DEFAULT 0,
        last_failed_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz
      );

      ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now();

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        username text NOT NULL,
        role text,
        agency_code char(6),
        action text NOT NULL,
        target text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text
      );
      CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
      CREATE INDEX audit_log_agency_code_idx ON audit_log (agency_code, at DESC);
      CREATE INDEX audit_log_username_idx ON audit_log (username, at DESC);

      -- Append-only: no update or delete, whoever asks.
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END;
      $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER audit_log_append_only ON audit_log;
      DROP FUNCTION audit_log_is_append_only();
      DROP TABLE audit_log, login_failure, user_session;
      ALTER TABLE app_user DROP COLUMN password_changed_at;
    `);
  }
}
