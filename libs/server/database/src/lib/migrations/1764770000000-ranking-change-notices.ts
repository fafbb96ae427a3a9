import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can alter a league table is announced on the `ranking_change` channel when its
 * transaction commits, so that API processes may keep finished answers in memory and drop them at
 * once, whichever process (or worker, or hand-typed SQL) made the change:
 * - a month's row (status, revisions, publication, computation time): its period, `YYYY-MM`;
 * - the stored results, published snapshots, rectification items and the agency tree: the table's
 *   name. These write many rows at a time, so they are announced once per statement, and a
 *   listener drops everything it keeps (they are rare next to reads).
 */
export class RankingChangeNotices1764770000000 implements MigrationInterface {
  name = 'RankingChangeNotices1764770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_ranking_period_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ranking_change', CASE TG_OP WHEN 'DELETE' THEN OLD.period ELSE NEW.period END);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION notify_ranking_table_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('ranking_change', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER period_ranking_change AFTER INSERT OR UPDATE OR DELETE ON period
        FOR EACH ROW EXECUTE FUNCTION notify_ranking_period_change()`);
    for (const table of ['agency_result', 'published_result', 'rectification', 'agency']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_ranking_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION notify_ranking_table_change()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['agency', 'rectification', 'published_result', 'agency_result']) {
      await queryRunner.query(`DROP TRIGGER ${table}_ranking_change ON ${table}`);
    }
    await queryRunner.query('DROP TRIGGER period_ranking_change ON period');
    await queryRunner.query('DROP FUNCTION notify_ranking_table_change()');
    await queryRunner.query('DROP FUNCTION notify_ranking_period_change()');
  }
}
