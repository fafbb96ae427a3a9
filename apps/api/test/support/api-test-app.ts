import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type HttpClient,
  type WorkerProcess,
  createHttpClient,
  createTestDatabase,
  startWorkerProcess,
  testConfig,
} from '@scorecard/server-testing';
import { createApiApplication } from '../../src/bootstrap';

/** The demo clock: the newest complete month, 2026-10, is still open. */
export const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');
export const OPEN_PERIOD = '2026-10';
export const PUBLISHED_PERIOD = '2026-09';

export interface ApiTestApp extends HttpClient {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  /** The built workers running beside the API (none unless asked for). */
  workers: WorkerProcess[];
  /** Starts one more built worker on the API's database, Redis and queue prefix. */
  startWorker(): WorkerProcess;
  close(): Promise<void>;
}

/**
 * The real API on a fresh database with the demo province, listening on a free port; with
 * `worker` (or `workers`: how many), the built worker runs beside it and the queued jobs are done.
 */
export async function startApiTestApp(
  configOverrides: Record<string, string> = {},
  options: { worker?: boolean; workers?: number } = {},
): Promise<ApiTestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, configOverrides);
  const app = await createApiApplication(config, { now: DEMO_NOW });
  const workers: WorkerProcess[] = [];
  const startWorker = () => {
    const worker = startWorkerProcess(config);
    workers.push(worker);
    return worker;
  };
  for (let i = 0; i < (options.workers ?? (options.worker ? 1 : 0)); i++) startWorker();
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const http = createHttpClient(() => baseUrl);

  return {
    app,
    baseUrl,
    dataSource: app.get(DataSource),
    request: http.request,
    login: http.login,
    firstLogin: http.firstLogin,
    workers,
    startWorker,
    async close() {
      await Promise.all(workers.map((worker) => worker.stop()));
      await app.close();
      await database.drop();
    },
  };
}
