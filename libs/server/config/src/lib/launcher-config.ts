import { resolve } from 'node:path';

/** What the local launcher (`npm start`) needs before any server process exists. */
export interface LauncherConfig {
  /** Given: used as is. Missing: an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  /** Given: used as is. Missing: a local redis-server is started. */
  redisUrl: string | undefined;
  port: number;
  /** Folder for the embedded PostgreSQL cluster and the launcher's lock. */
  dataDir: string;
}

export function loadLauncherConfig(env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535 (got "${env['PORT']}")`);
  }
  return {
    databaseUrl: env['DATABASE_URL'] || undefined,
    redisUrl: env['REDIS_URL'] || undefined,
    port,
    dataDir: resolve(env['SCORECARD_DATA_DIR'] || '.data'),
  };
}
