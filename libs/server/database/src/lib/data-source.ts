import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  /** Pool size per process. */
  poolSize?: number;
  logging?: boolean;
  /** How long a request waits to get a connection (a new one or a free one of the pool); 5 s by default. */
  connectionTimeoutMs?: number;
}

/** TypeORM data source; the schema comes from migrations only, never `synchronize`. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: settings.logging ? ['error', 'warn'] : ['error'],
    // A database that is down or saturated fails a request within seconds instead of hanging it.
    extra: {
      max: settings.poolSize ?? 10,
      application_name: 'scorecard',
      connectionTimeoutMillis: settings.connectionTimeoutMs ?? 5_000,
    },
  });
}

/** Advisory lock key shared by every process that migrates or seeds the schema. */
const SCHEMA_LOCK_KEY = 7_261_001;

/**
 * Applies pending migrations. An api and a worker starting together both call this, so it holds
 * a PostgreSQL advisory lock: the second waits, then finds nothing left to apply.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  return withSchemaLock(dataSource, async () => {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  });
}

export async function withSchemaLock<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    return await work();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
