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
  /** `SCORECARD_DEMO=national`: the whole country, kept in a folder of its own by default. */
  nationalDemo: boolean;
}

export function loadLauncherConfig(env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535 (got "${env['PORT']}")`);
  }
  const nationalDemo = env['SCORECARD_DEMO'] === 'national';
  return {
    databaseUrl: env['DATABASE_URL'] || undefined,
    redisUrl: env['REDIS_URL'] || undefined,
    port,
    // The demos load only into an empty database: the national one gets a cluster of its own, so
    // that switching between them needs no cleaning up.
    dataDir: resolve(env['SCORECARD_DATA_DIR'] || (nationalDemo ? '.data/national' : '.data')),
    nationalDemo,
  };
}
