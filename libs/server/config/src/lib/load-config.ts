import { resolve } from 'node:path';
import { AppConfig, DEVELOPMENT_JWT_SECRET, RuntimeEnvironment } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads and validates the environment. The only place in the server that touches `process.env`;
 * every problem is reported at once so an operator can fix them in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];

  const environment = (env['NODE_ENV'] ?? 'development') as RuntimeEnvironment;
  if (!['development', 'test', 'production'].includes(environment)) {
    problems.push(`NODE_ENV must be development, test or production (got "${environment}")`);
  }

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };

  const required = (name: string): string => {
    const value = env[name];
    if (!value) problems.push(`${name} is required`);
    return value ?? '';
  };

  const databaseUrl = required('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// URL');
  }
  const redisUrl = required('REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must be a redis:// URL');
  }

  const jwtSecret = env['JWT_SECRET'] || DEVELOPMENT_JWT_SECRET;
  if (environment === 'production' && jwtSecret === DEVELOPMENT_JWT_SECRET) {
    problems.push('JWT_SECRET must be set to a secret of your own in production');
  } else if (environment === 'production' && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters in production');
  }

  const logLevel = (env['LOG_LEVEL'] ?? (environment === 'test' ? 'warn' : 'info')) as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const demoRaw = env['SCORECARD_DEMO'] ?? (environment === 'production' ? 'false' : 'true');
  if (!['true', 'false', 'national'].includes(demoRaw)) problems.push('SCORECARD_DEMO must be true, false or national');
  const demoProvinces = (env['SCORECARD_DEMO_PROVINCES'] ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (demoProvinces.some((code) => !/^\d{2}(0000)?$/.test(code)))
    problems.push('SCORECARD_DEMO_PROVINCES must list province codes such as 33,44 or 330000');

  const apiDocsRaw = env['API_DOCS'] || (environment === 'production' ? 'false' : 'true');
  if (!['true', 'false'].includes(apiDocsRaw)) problems.push('API_DOCS must be true or false');

  const config: AppConfig = {
    environment,
    port: integer('PORT', 3000, 0, 65535),
    host: env['HOST'] || '0.0.0.0',
    databaseUrl,
    redisUrl,
    jwtSecret,
    jwtExpiresInSeconds: integer('JWT_EXPIRES_IN_SECONDS', 15 * 60, 30, 24 * 3600),
    refreshTokenTtlSeconds: integer('REFRESH_TOKEN_TTL_SECONDS', 7 * 24 * 3600, 300, 90 * 24 * 3600),
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 1200, 1, 1_000_000),
    loginRateLimitPerMinute: integer('LOGIN_RATE_LIMIT_PER_MINUTE', 30, 1, 1_000_000),
    corsOrigins: (env['CORS_ORIGINS'] ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    demo: demoRaw === 'true' || demoRaw === 'national',
    demoKind: demoRaw === 'national' ? 'national' : 'province',
    demoProvinces,
    apiDocs: apiDocsRaw === 'true',
    webDistDir: env['WEB_DIST_DIR'] === undefined ? resolve('dist/apps/web') : env['WEB_DIST_DIR'],
    logLevel,
    workerConcurrency: integer('WORKER_CONCURRENCY', 2, 1, 64),
    queuePrefix: env['QUEUE_PREFIX'] || 'scorecard',
    importDir: resolve(env['IMPORT_DIR'] || '.data/imports'),
    importMaxBytes: integer('IMPORT_MAX_BYTES', 1024 * 1024 * 1024, 1024, 64 * 1024 * 1024 * 1024),
    // A full sheet of Excel's 1,048,576 rows of ratings inflates to about 200 MB.
    importXlsxMaxPartBytes: integer('IMPORT_XLSX_MAX_PART_BYTES', 256 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
    importXlsxMaxTotalBytes: integer('IMPORT_XLSX_MAX_TOTAL_BYTES', 512 * 1024 * 1024, 1024, 16 * 1024 * 1024 * 1024),
    // A province's county table is about 80 KB as JSON plus its gzip and brotli forms.
    rankingCacheBytes: integer('RANKING_CACHE_BYTES', 64 * 1024 * 1024, 0, 16 * 1024 * 1024 * 1024),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
