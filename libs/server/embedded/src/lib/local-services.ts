import { startEmbeddedPostgres, type RunningService } from './embedded-postgres';
import { startEmbeddedRedis } from './embedded-redis';

export interface LocalServices {
  databaseUrl: string;
  redisUrl: string;
  /** Which services were started here (and are stopped by `stop`). */
  started: ('postgres' | 'redis')[];
  /** Process id of the local redis-server, if one was started. */
  redisPid?: number;
  stop(): Promise<void>;
}

export interface LocalServicesOptions {
  databaseUrl?: string;
  redisUrl?: string;
  postgresDataDir: string;
  database?: string;
  ephemeral?: boolean;
  log?: (line: string) => void;
}

/**
 * Uses the given URLs as they are (production, docker/) and starts an embedded PostgreSQL and/or
 * Redis for whichever is missing (a developer's machine, tests).
 */
export async function startLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  const running: RunningService[] = [];
  const started: LocalServices['started'] = [];
  const stop = async () => {
    for (const service of running.reverse()) await service.stop();
  };
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres({
        dataDir: options.postgresDataDir,
        database: options.database ?? 'scorecard',
        ephemeral: options.ephemeral,
        log: options.log,
      });
      running.push(postgres);
      started.push('postgres');
      databaseUrl = postgres.url;
    }
    let redisUrl = options.redisUrl;
    let redisPid: number | undefined;
    if (!redisUrl) {
      const redis = await startEmbeddedRedis({ log: options.log });
      running.push(redis);
      started.push('redis');
      redisUrl = redis.url;
      redisPid = redis.pid;
    }
    return { databaseUrl, redisUrl, started, redisPid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
