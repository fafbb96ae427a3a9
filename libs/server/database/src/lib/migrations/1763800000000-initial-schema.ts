import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TYPE agency_level AS ENUM ('province', 'city', 'county');
      CREATE TABLE agency (
        code char(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name text NOT NULL,
        level agency_level NOT NULL,
        parent_code char(6) REFERENCES agency (code),
        CHECK ((level = 'province') = (parent_code IS NULL))
      );
      CREATE INDEX agency_parent_code_idx ON agency (parent_code);

      CREATE TABLE indicator_scheme (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        due_day smallint NOT NULL DEFAULT 5 CHECK (due_day BETWEEN 1 AND 28)
      );
      CREATE TABLE scheme_indicator (
        year int NOT NULL REFERENCES indicator_scheme (year),
        code text NOT NULL CHECK (code ~ '^[a-z_]+$'),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        weight numeric(6, 2) NOT NULL CHECK (weight > 0),
        target numeric(7, 6) NOT NULL CHECK (target > 0),
        floor numeric(7, 6) NOT NULL CHECK (floor >= 0 AND floor < target),
        allows_over_target boolean NOT NULL DEFAULT false,
        monetary boolean NOT NULL DEFAULT false,
        sort_order int NOT NULL,
        PRIMARY KEY (year, code)
      );

      CREATE TYPE period_status AS ENUM ('open', 'locked', 'published');
      CREATE TABLE period (
        period char(7) PRIMARY KEY CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        status period_status NOT NULL DEFAULT 'open',
        due_date date NOT NULL,
        data_revision int NOT NULL DEFAULT 0,
        computed_revision int,
        computed_at timestamptz
      );

      CREATE TABLE submission (
        period char(7) NOT NULL REFERENCES period (period),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        version int NOT NULL DEFAULT 1 CHECK (version > 0),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'returned')),
        late boolean NOT NULL DEFAULT false,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by text,
        PRIMARY KEY (period, agency_code)
      );
      CREATE TABLE submission_value (
        period char(7) NOT NULL,
        agency_code char(6) NOT NULL,
        indicator_code text NOT NULL,
        numerator numeric(15, 2) NOT NULL CHECK (numerator >= 0),
        denominator numeric(15, 2) NOT NULL CHECK (denominator >= 0),
        PRIMARY KEY (period, agency_code, indicator_code),
        FOREIGN KEY (period, agency_code) REFERENCES submission (period, agency_code) ON DELETE CASCADE
      );

      CREATE TYPE result_scope AS ENUM ('own', 'aggregate');
      CREATE TABLE agency_result (
        period char(7) NOT NULL REFERENCES period (period),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        scope result_scope NOT NULL,
        reported boolean NOT NULL,
        score numeric(5, 2),
        grade text CHECK (grade IN ('excellent', 'good', 'pass', 'basic', 'fail')),
        rank_in_parent int,
        parent_size int NOT NULL,
        rank_change_in_parent int,
        rank_in_level int,
        level_size int NOT NULL,
        rank_change_in_level int,
        indicators jsonb NOT NULL,
        PRIMARY KEY (period, agency_code, scope)
      );

      CREATE TABLE app_user (
        id serial PRIMARY KEY,
        username text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9_.-]{2,64}$'),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('province_admin', 'city_admin', 'agency_head', 'staff')),
        agency_code char(6) NOT NULL REFERENCES agency (code),
        post text,
        disabled boolean NOT NULL DEFAULT false,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX app_user_agency_code_idx ON app_user (agency_code);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE app_user, agency_result, submission_value, submission, period,
        scheme_indicator, indicator_scheme, agency;
      DROP TYPE result_scope, period_status, agency_level;
    `);
  }
}
