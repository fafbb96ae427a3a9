import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * National deployments: the agency tree may have a root `000000 全国` (level `nation`) above the
 * provinces (which then have a parent), and every result carries its rank within its level across the country beside the
 * rank inside its province. All three columns stay null in a tree without a nation root.
 */
export class NationalRanks1764790000000 implements MigrationInterface {
  name = 'NationalRanks1764790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A new enum value may be added inside the migrations' transaction as long as nothing in that
    // transaction uses it (PostgreSQL 12 and later).
    await queryRunner.query(`ALTER TYPE agency_level ADD VALUE IF NOT EXISTS 'nation' BEFORE 'province'`);
    // The root is the nation or, in a province's own deployment, the province; cities and counties
    // always hang under something. Compared as text: the new value cannot be used as an enum yet.
    await queryRunner.query(`
      ALTER TABLE agency DROP CONSTRAINT agency_check;
      ALTER TABLE agency ADD CONSTRAINT agency_root_check CHECK (
        CASE level::text
          WHEN 'nation' THEN parent_code IS NULL
          WHEN 'province' THEN true
          ELSE parent_code IS NOT NULL
        END
      );
    `);
    for (const table of ['agency_result', 'published_result']) {
      await queryRunner.query(`
        ALTER TABLE ${table}
          ADD COLUMN rank_in_nation int,
          ADD COLUMN nation_size int,
          ADD COLUMN rank_change_in_nation int
      `);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['agency_result', 'published_result']) {
      await queryRunner.query(`
        ALTER TABLE ${table}
          DROP COLUMN rank_in_nation, DROP COLUMN nation_size, DROP COLUMN rank_change_in_nation
      `);
    }
    // PostgreSQL cannot drop an enum value: the type is rebuilt without it.
    await queryRunner.query(`
      ALTER TABLE agency DROP CONSTRAINT agency_root_check;
      UPDATE agency SET parent_code = NULL WHERE level = 'province';
      DELETE FROM agency WHERE level = 'nation';
      ALTER TABLE agency ADD CONSTRAINT agency_check CHECK ((level = 'province') = (parent_code IS NULL));
      ALTER TYPE agency_level RENAME TO agency_level_with_nation;
      CREATE TYPE agency_level AS ENUM ('province', 'city', 'county');
      ALTER TABLE agency ALTER COLUMN level TYPE agency_level USING level::text::agency_level;
      DROP TYPE agency_level_with_nation;
    `);
  }
}
