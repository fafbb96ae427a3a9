export type RuntimeEnvironment = 'development' | 'test' | 'production';

/** Typed settings of the server processes, read from the environment once at start. */
export interface AppConfig {
  environment: RuntimeEnvironment;
  /** HTTP port of the API (which also serves the web app). */
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  /** Lifetime of an access token in seconds (short: the web app refreshes it). */
  jwtExpiresInSeconds: number;
  /** Lifetime of a login session (its refresh token) in seconds. */
  refreshTokenTtlSeconds: number;
  /** Requests per minute per client address, all routes. */
  rateLimitPerMinute: number;
  /** Login attempts per minute per client address. */
  loginRateLimitPerMinute: number;
  /** Origins allowed to call the API from a browser besides its own; empty = same origin only. */
  corsOrigins: string[];
  /** Load the demo province into an empty database and enable the demo users. */
  demo: boolean;
  /** Which demo: the province (Zhejiang), or the whole country (`SCORECARD_DEMO=national`). */
  demoKind: 'province' | 'national';
  /** The national demo's provinces (`SCORECARD_DEMO_PROVINCES=33,44`); empty = all 31. */
  demoProvinces: string[];
  /** Serve the OpenAPI document at /api/docs (off in production unless enabled). */
  apiDocs: boolean;
  /** Built web app to serve on `/`; empty to serve the API only. */
  webDistDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  workerConcurrency: number;
  /** Where uploaded import files wait for the worker (shared by api and workers). */
  importDir: string;
  /** Largest accepted import file, in bytes. */
  importMaxBytes: number;
  /** Largest size any one part of an XLSX file (a worksheet, its shared strings) may inflate to. */
  importXlsxMaxPartBytes: number;
  /** Largest size all parts of an XLSX file together may inflate to. */
  importXlsxMaxTotalBytes: number;
  /** Prefix of BullMQ keys in Redis, so several deployments or test runs can share one Redis. */
  queuePrefix: string;
  /** Memory for league-table answers kept ready to serve, in bytes; 0 builds every answer afresh. */
  rankingCacheBytes: number;
}

/** Known-weak secret used in development and demo mode; production refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'scorecard-development-secret-do-not-use-in-production';
