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
  close(): Promise<void>;
}

/**
 * The real API on a fresh database with the demo province, listening on a free port; with
 * `worker`, the built worker runs beside it and the queued jobs are done.
 */
export async function startApiTestApp(
  configOverrides: Record<string, string> = {},
  options: { worker?: boolean } = {},
): Promise<ApiTestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, configOverrides);
  const app = await createApiApplication(config, { now: DEMO_NOW });
  const worker: WorkerProcess | null = options.worker ? startWorkerProcess(config) : null;
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
    async close() {
      await worker?.stop();
      await app.close();
      await database.drop();
    },
  };
}
