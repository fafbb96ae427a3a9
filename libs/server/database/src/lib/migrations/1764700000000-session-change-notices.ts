import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can end a session or change what it may do (a session revoked or expired, its
 * user disabled, reset, re-roled or removed) sends the user's id on the `session_change` channel
 * when its transaction commits. API processes that keep live sessions in memory drop them on it.
 */
export class SessionChangeNotices1764700000000 implements MigrationInterface {
  name = 'SessionChangeNotices1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The trigger names the column that holds the user's id.
        PERFORM pg_notify('session_change', to_jsonb(OLD) ->> TG_ARGV[0]);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER user_session_change AFTER UPDATE OF revoked_at, expires_at, user_id OR DELETE ON user_session
        FOR EACH ROW EXECUTE FUNCTION notify_session_change('user_id')`);
    await queryRunner.query(`
      CREATE TRIGGER app_user_change AFTER UPDATE OR DELETE ON app_user
        FOR EACH ROW EXECUTE FUNCTION notify_session_change('id')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER app_user_change ON app_user');
    await queryRunner.query('DROP TRIGGER user_session_change ON user_session');
    await queryRunner.query('DROP FUNCTION notify_session_change()');
  }
}
