import { join } from 'node:path';
// Jest loads global setup outside its module mapper, so the alias is spelled out as a path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startLocalServices } from '../../embedded/src';

/**
 * Jest global setup for suites that talk to PostgreSQL and Redis: uses DATABASE_URL / REDIS_URL
 * when given (CI with its own services), otherwise starts throw-away embedded ones. Test files
 * each create their own database from the admin URL exported here.
 */
export default async function globalSetup(): Promise<void> {
  const services = await startLocalServices({
    databaseUrl: process.env['DATABASE_URL'],
    redisUrl: process.env['REDIS_URL'],
    postgresDataDir: join(process.cwd(), '.data', `test-postgres-${process.pid}`),
    database: 'scorecard_test',
    ephemeral: true,
  });
  process.env['SCORECARD_TEST_DATABASE_URL'] = services.databaseUrl;
  process.env['SCORECARD_TEST_REDIS_URL'] = services.redisUrl;
  (globalThis as { __scorecardServices?: typeof services }).__scorecardServices = services;
}
