import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An account an administrator created, imported or reset must set its own password before it does
 * anything else. Accounts made by `scorecard init` and demo accounts keep the default, false.
 */
export class MustChangePassword1764640000000 implements MigrationInterface {
  name = 'MustChangePassword1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
  }
}
