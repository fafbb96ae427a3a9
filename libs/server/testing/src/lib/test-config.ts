import { type AppConfig, loadConfig } from '@scorecard/server-config';

/** A validated configuration for one test file's database, with its own queue prefix. */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  const redisUrl = process.env['SCORECARD_TEST_REDIS_URL'];
  if (!redisUrl) throw new Error('SCORECARD_TEST_REDIS_URL is not set: run the suite through its Jest config');
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: 'integration-test-secret-integration-test-secret',
    SCORECARD_DEMO: 'true',
    WEB_DIST_DIR: '',
    LOG_LEVEL: 'error',
    QUEUE_PREFIX: `test${process.pid}${Date.now().toString(36)}`,
    IMPORT_DIR: `.data/test-imports-${process.pid}`,
    // Tests log in many users from one address; the rate-limit test sets its own limits.
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    ...overrides,
  });
}
