import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts may hold the national administrator's role (national deployments). */
export class NationalAdminRole1764350000000 implements MigrationInterface {
  name = 'NationalAdminRole1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
        CHECK (role IN ('national_admin', 'province_admin', 'city_admin', 'agency_head', 'staff'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
      ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
        CHECK (role IN ('province_admin', 'city_admin', 'agency_head', 'staff'));
    `);
  }
}
