import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A year's scheme (考核方案) becomes a list of versions, each in force from a month of that year,
 * with its deadlines, warning thresholds, grade bands and indicators (grouped into dimensions, with
 * what their numerator and denominator count). Every existing year becomes its version 1 in force
 * from January; every stored result records the scheme version that produced it.
 */
export class SchemeVersions1764660000000 implements MigrationInterface {
  name = 'SchemeVersions1764660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE scheme_version (
        year int NOT NULL REFERENCES indicator_scheme (year),
        version int NOT NULL CHECK (version > 0),
        effective_from char(7) NOT NULL
          CHECK (effective_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND left(effective_from, 4)::int = year),
        reason text NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        due_day smallint NOT NULL DEFAULT 5 CHECK (due_day BETWEEN 1 AND 28),
        due_on_working_day boolean NOT NULL DEFAULT false,
        rectify_working_days smallint NOT NULL DEFAULT 10 CHECK (rectify_working_days BETWEEN 1 AND 60),
        appeal_working_days smallint NOT NULL DEFAULT 3 CHECK (appeal_working_days BETWEEN 1 AND 60),
        bad_review_working_days smallint NOT NULL DEFAULT 15 CHECK (bad_review_working_days BETWEEN 1 AND 60),
        warn_fail_months smallint NOT NULL DEFAULT 2 CHECK (warn_fail_months BETWEEN 1 AND 12),
        warn_last_months smallint NOT NULL DEFAULT 2 CHECK (warn_last_months BETWEEN 1 AND 12),
        warn_below_floor_months smallint NOT NULL DEFAULT 3 CHECK (warn_below_floor_months BETWEEN 1 AND 12),
        warn_improving_months smallint NOT NULL DEFAULT 3 CHECK (warn_improving_months BETWEEN 1 AND 12),
        grades jsonb NOT NULL DEFAULT '[
          {"code": "excellent", "label": "优秀", "min": 90},
          {"code": "good", "label": "良好", "min": 80},
          {"code": "pass", "label": "合格", "min": 70},
          {"code": "basic", "label": "基本合格", "min": 60},
          {"code": "fail", "label": "不合格", "min": 0}
        ]'::jsonb,
        PRIMARY KEY (year, version)
      );
      INSERT INTO scheme_version (year, version, effective_from, reason, due_day, due_on_working_day)
      SELECT year, 1, year || '-01', '初始方案', due_day, due_on_working_day FROM indicator_scheme;
      ALTER TABLE indicator_scheme DROP COLUMN due_day, DROP COLUMN due_on_working_day;

      ALTER TABLE scheme_indicator
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN dimension text NOT NULL DEFAULT '',
        ADD COLUMN numerator_label text NOT NULL DEFAULT '',
        ADD COLUMN denominator_label text NOT NULL DEFAULT '',
        DROP CONSTRAINT scheme_indicator_pkey,
        DROP CONSTRAINT scheme_indicator_year_fkey,
        DROP CONSTRAINT scheme_indicator_code_check;
      ALTER TABLE scheme_indicator
        ALTER COLUMN version DROP DEFAULT,
        ADD PRIMARY KEY (year, version, code),
        ADD FOREIGN KEY (year, version) REFERENCES scheme_version (year, version),
        ADD CONSTRAINT scheme_indicator_code_check CHECK (code ~ '^[a-z][a-z0-9_]*$');
      UPDATE scheme_indicator i
         SET dimension = d.dimension, numerator_label = d.numerator_label, denominator_label = d.denominator_label
        FROM (VALUES
          ('enrollment_expansion', '业务经办', '新增参保人数', '月度扩面任务数'),
          ('collection', '业务经办', '实收医保费（元）', '应收医保费（元）'),
          ('annual_inspection', '业务经办', '已年检参保单位数', '应年检参保单位数'),
          ('first_inquiry', '服务质量', '抽查合格次数', '抽查次数'),
          ('ab_post', '服务质量', 'B岗顶岗次数', 'A岗缺岗次数'),
          ('online_reply', '服务质量', '48小时内回复的咨询数', '收到的咨询数'),
          ('satisfaction', '服务质量', '满意及非常满意评价数', '评价总数')
        ) AS d (code, dimension, numerator_label, denominator_label)
       WHERE i.code = d.code;
    `);
    for (const table of ['agency_result', 'published_result']) {
      await queryRunner.query(`
        ALTER TABLE ${table} ADD COLUMN scheme_year int, ADD COLUMN scheme_version int;
        UPDATE ${table} r
           SET scheme_year = (SELECT max(year) FROM indicator_scheme WHERE year <= left(r.period, 4)::int),
               scheme_version = 1;
        UPDATE ${table} SET scheme_version = NULL WHERE scheme_year IS NULL;
      `);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE agency_result DROP COLUMN scheme_year, DROP COLUMN scheme_version;
      ALTER TABLE published_result DROP COLUMN scheme_year, DROP COLUMN scheme_version;
      ALTER TABLE indicator_scheme
        ADD COLUMN due_day smallint NOT NULL DEFAULT 5 CHECK (due_day BETWEEN 1 AND 28),
        ADD COLUMN due_on_working_day boolean NOT NULL DEFAULT false;
      UPDATE indicator_scheme s SET due_day = v.due_day, due_on_working_day = v.due_on_working_day
        FROM scheme_version v WHERE v.year = s.year AND v.version = 1;
      DELETE FROM scheme_indicator WHERE version > 1;
      ALTER TABLE scheme_indicator
        DROP CONSTRAINT scheme_indicator_pkey,
        DROP CONSTRAINT scheme_indicator_year_version_fkey,
        DROP CONSTRAINT scheme_indicator_code_check,
        DROP COLUMN version, DROP COLUMN dimension, DROP COLUMN numerator_label, DROP COLUMN denominator_label;
      ALTER TABLE scheme_indicator
        ADD PRIMARY KEY (year, code),
        ADD FOREIGN KEY (year) REFERENCES indicator_scheme (year),
        ADD CONSTRAINT scheme_indicator_code_check CHECK (code ~ '^[a-z_]+$');
      DROP TABLE scheme_version;
    `);
  }
}
