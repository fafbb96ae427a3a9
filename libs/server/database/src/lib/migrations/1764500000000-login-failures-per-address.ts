import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins count per username and client address, so that a stranger guessing from
 * elsewhere locks only itself out, not the account's owner.
 */
export class LoginFailuresPerAddress1764500000000 implements MigrationInterface {
  name = 'LoginFailuresPerAddress1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE login_failure ADD COLUMN client_address text NOT NULL DEFAULT '';
      ALTER TABLE login_failure DROP CONSTRAINT login_failure_pkey;
      ALTER TABLE login_failure ADD PRIMARY KEY (username, client_address);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM login_failure WHERE client_address <> '';
      ALTER TABLE login_failure DROP CONSTRAINT login_failure_pkey;
      ALTER TABLE login_failure ADD PRIMARY KEY (username);
      ALTER TABLE login_failure DROP COLUMN client_address;
    `);
  }
}
