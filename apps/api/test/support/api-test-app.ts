import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase, testConfig } from '@scorecard/server-testing';
import { createApiApplication } from '../../src/bootstrap';

/** The demo clock: the newest complete month, 2026-10, is still open. */
export const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');
export const OPEN_PERIOD = '2026-10';
export const PUBLISHED_PERIOD = '2026-09';

export interface ApiTestApp {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  login(username: string, password?: string): Promise<string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of every shape
  request(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** The real API on a fresh database with the demo province, listening on a free port. */
export async function startApiTestApp(): Promise<ApiTestApp> {
  const database = await createTestDatabase();
  const app = await createApiApplication(testConfig(database.url), { now: DEMO_NOW });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const request: ApiTestApp['request'] = async (method, path, options = {}) => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  return {
    app,
    baseUrl,
    dataSource: app.get(DataSource),
    request,
    async login(username, password = 'demo') {
      const { status, body } = await request('POST', '/auth/login', { body: { username, password } });
      if (status !== 200) throw new Error(`login ${username}: ${status} ${JSON.stringify(body)}`);
      return body.accessToken as string;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
