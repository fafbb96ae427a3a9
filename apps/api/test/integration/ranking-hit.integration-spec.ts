import { IncomingMessage, request as httpRequest } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHttpClient, testConfig, waitFor } from '@scorecard/server-testing';
import { createApiApplication } from '../../src/bootstrap';
import { RankingsController } from '../../src/app/rankings/rankings.controller';
import { RankingsService } from '../../src/app/rankings/rankings.service';
import { type ApiTestApp, DEMO_NOW, OPEN_PERIOD, PUBLISHED_PERIOD, startApiTestApp } from '../support/api-test-app';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function rawGet(baseUrl: string, path: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseUrl}/api${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const TABLE = `/rankings?period=${PUBLISHED_PERIOD}&level=county`;

/**
 * A league table asked for again is answered before the rest of the request pipeline, at a fraction
 * of its cost — yet by the same rules: the same session check (an ended session or a disabled user
 * is refused at once), the same permission and validation rules, the same rate limit and the same
 * headers. Anything but a plain answer goes the whole way and gets the whole pipeline's answer.
 */
describe('a league table asked for again', () => {
  let api: ApiTestApp;
  /** A second API process on the same database, as behind a load balancer. */
  let other: INestApplication;
  let otherUrl: string;
  let controllerCalls: jest.SpyInstance;

  beforeAll(async () => {
    // Installed before the routes are built, so that the router calls through it; the route is
    // declared on the method itself, so the spy carries its declarations.
    const handler = RankingsController.prototype.ranking;
    controllerCalls = jest.spyOn(RankingsController.prototype, 'ranking');
    for (const key of Reflect.getMetadataKeys(handler) as unknown[])
      Reflect.defineMetadata(key, Reflect.getMetadata(key, handler), RankingsController.prototype.ranking);
    api = await startApiTestApp();
    const url = (api.dataSource.options as { url: string }).url;
    other = await createApiApplication(testConfig(url), { now: DEMO_NOW });
    await other.listen(0, '127.0.0.1');
    otherUrl = (await other.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    controllerCalls.mockRestore();
    await other?.close();
    await api.close();
  });

  const get = (path: string, token: string | null, headers: Record<string, string> = {}) =>
    rawGet(api.baseUrl, path, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });

  it('is answered before the request pipeline, its token signature checked once', async () => {
    const token = await api.login('head-330102');
    const first = await get(TABLE, token);
    expect(first.status).toBe(200);
    const signatureChecks = jest.spyOn(api.app.get(JwtService), 'verifyAsync');
    controllerCalls.mockClear();
    try {
      for (let i = 0; i < 20; i++) {
        const again = await get(TABLE, token);
        expect(again.status).toBe(200);
        expect(again.body).toBe(first.body);
      }
      expect(controllerCalls).not.toHaveBeenCalled();
      expect(signatureChecks.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      signatureChecks.mockRestore();
    }
  });

  it('decides who sees which version once per table, kind of caller and state of the month', async () => {
    const first = await api.login('head-330102');
    const second = await api.login('head-330105');
    expect((await get(TABLE, first)).status).toBe(200);
    expect((await get(TABLE, second)).status).toBe(200);
    const decisions = jest.spyOn(api.app.get(RankingsService), 'visibleVersion');
    try {
      for (let i = 0; i < 10; i++) {
        expect((await get(TABLE, first)).status).toBe(200);
        expect((await get(TABLE, second)).status).toBe(200);
      }
      expect(decisions).not.toHaveBeenCalled();
      // Each kind of caller is decided for on its own, and a refusal is never kept.
      const draft = `/rankings?period=${OPEN_PERIOD}&level=county`;
      const admin = await api.login('admin');
      expect((await get(draft, admin)).status).toBe(200);
      decisions.mockClear();
      expect((await get(draft, admin)).status).toBe(200);
      expect((await get(draft, admin)).status).toBe(200);
      expect(decisions).not.toHaveBeenCalled();
      const staff = await api.login('staff-330102-3');
      expect((await get(draft, staff)).status).toBe(403);
      expect((await get(draft, staff)).status).toBe(403);
      expect(decisions.mock.calls.length).toBeGreaterThanOrEqual(2);
    } finally {
      decisions.mockRestore();
    }
  });

  it('carries the headers of every answer: security headers, request id, no caching by others', async () => {
    const token = await api.login('head-330102');
    await get(TABLE, token);
    const hit = await get(TABLE, token, { 'x-request-id': 'bulletin-check-42' });
    expect(hit.status).toBe(200);
    expect(hit.headers['x-request-id']).toBe('bulletin-check-42');
    expect(hit.headers['x-content-type-options']).toBe('nosniff');
    expect(hit.headers['content-security-policy']).toContain("default-src 'self'");
    expect(hit.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(hit.headers['cache-control']).toBe('private, no-cache');
    expect(hit.headers['x-powered-by']).toBeUndefined();
    const unnamed = await get(TABLE, token, { 'x-request-id': 'not an id!' });
    expect(unnamed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is answered before Express itself, with the headers of the whole pipeline\'s answer', async () => {
    const token = await api.login('head-330102');
    const first = await get(TABLE, token);
    expect(first.status).toBe(200);
    const express = api.app.getHttpAdapter().getInstance() as { handle: (...args: unknown[]) => unknown };
    const throughExpress = jest.spyOn(express, 'handle');
    try {
      const hit = await get(TABLE, token, { 'accept-encoding': 'gzip' });
      expect(hit.status).toBe(200);
      expect(throughExpress).not.toHaveBeenCalled();
      const revalidated = await get(TABLE, token, { 'accept-encoding': 'gzip', 'if-none-match': String(hit.headers['etag']) });
      expect(revalidated.status).toBe(304);
      expect(throughExpress).not.toHaveBeenCalled();

      // The same table built by the whole pipeline (no league-table memory): the same headers.
      const url = (api.dataSource.options as { url: string }).url;
      const pipeline = await createApiApplication(testConfig(url, { RANKING_CACHE_BYTES: '0' }), { now: DEMO_NOW });
      await pipeline.listen(0, '127.0.0.1');
      try {
        const pipelineUrl = (await pipeline.getUrl()).replace('[::1]', '127.0.0.1');
        const built = await rawGet(pipelineUrl, TABLE, { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' });
        expect(built.status).toBe(200);
        // Values that differ per answer by nature: when it was sent, its id, the caller's remaining calls.
        const perAnswer = new Set(['date', 'x-request-id', 'x-ratelimit-remaining', 'x-ratelimit-reset']);
        const fixed = (answer: RawAnswer) =>
          Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !perAnswer.has(name)));
        expect(fixed(hit)).toEqual(fixed(built));
        expect(Object.keys(hit.headers).sort()).toEqual(Object.keys(built.headers).sort());
      } finally {
        await pipeline.close();
      }
    } finally {
      throughExpress.mockRestore();
    }
  });

  it('leaves a refused call to Express untouched: its error, security headers and request id', async () => {
    const admin = await api.login('admin');
    await get(TABLE, admin);
    const express = api.app.getHttpAdapter().getInstance() as { handle: (...args: unknown[]) => unknown };
    const throughExpress = jest.spyOn(express, 'handle');
    try {
      const refused = await get(TABLE, 'not-a-token', { 'x-request-id': 'refused-hit-7' });
      expect(refused.status).toBe(401);
      expect(throughExpress).toHaveBeenCalledTimes(1);
      expect(refused.headers['x-request-id']).toBe('refused-hit-7');
      expect(refused.headers['x-content-type-options']).toBe('nosniff');
      expect(refused.headers['cache-control']).toBe('no-store');
      const unnamed = await get(TABLE, null);
      expect(unnamed.status).toBe(401);
      expect(unnamed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      // Not a league table of a month: Express's route, never the early answer.
      await get(`/rankings?period=2026&level=county`, admin);
      expect(throughExpress).toHaveBeenCalledTimes(3);
    } finally {
      throughExpress.mockRestore();
    }
  });

  it('hands Express a call refused after authentication as it came, with nothing of the checks on it', async () => {
    const admin = await api.login('admin');
    const draft = `/rankings?period=${OPEN_PERIOD}&level=county`;
    await get(draft, admin);
    const staff = await api.login('staff-330102-2');
    const express = api.app.getHttpAdapter().getInstance() as { handle: (...args: unknown[]) => unknown };
    const handle = express.handle.bind(express);
    const received: { prototype: unknown; user: unknown; id: unknown }[] = [];
    const throughExpress = jest.spyOn(express, 'handle').mockImplementation((...args: unknown[]) => {
      const request = args[0] as IncomingMessage & { user?: unknown; id?: unknown };
      received.push({ prototype: Object.getPrototypeOf(request), user: request.user, id: request.id });
      return handle(...args);
    });
    try {
      expect((await get(draft, staff)).status).toBe(403);
      expect(received).toEqual([{ prototype: IncomingMessage.prototype, user: undefined, id: undefined }]);
    } finally {
      throughExpress.mockRestore();
    }
  });

  it('leaves a cross-origin call to Express, which answers it with the CORS headers', async () => {
    const url = (api.dataSource.options as { url: string }).url;
    const withCors = await createApiApplication(testConfig(url, { CORS_ORIGINS: 'https://bulletin.example.gov.cn' }), { now: DEMO_NOW });
    await withCors.listen(0, '127.0.0.1');
    try {
      const corsUrl = (await withCors.getUrl()).replace('[::1]', '127.0.0.1');
      const token = await api.login('head-330102');
      const authorization = `Bearer ${token}`;
      expect((await rawGet(corsUrl, TABLE, { authorization })).status).toBe(200);
      const crossOrigin = await rawGet(corsUrl, TABLE, { authorization, origin: 'https://bulletin.example.gov.cn' });
      expect(crossOrigin.status).toBe(200);
      expect(crossOrigin.headers['access-control-allow-origin']).toBe('https://bulletin.example.gov.cn');
      expect(crossOrigin.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await withCors.close();
    }
  });

  it('refuses at once a session ended between two hits', async () => {
    const token = await api.login('head-330106');
    expect((await get(TABLE, token)).status).toBe(200);
    expect((await get(TABLE, token)).status).toBe(200);
    expect((await api.request('POST', '/auth/logout', { token })).status).toBeLessThan(300);
    const refused = await get(TABLE, token);
    expect(refused.status).toBe(401);
    expect(refused.body).not.toContain('"rows"');
  });

  it('refuses a user disabled through another API process on the next hit', async () => {
    const token = await api.login('head-330108');
    expect((await get(TABLE, token)).status).toBe(200);
    expect((await get(TABLE, token)).status).toBe(200);
    const elsewhere = createHttpClient(() => otherUrl);
    const admin = await elsewhere.login('admin');
    expect((await elsewhere.request('PATCH', '/users/head-330108', { token: admin, body: { disabled: true } })).status).toBe(200);
    await waitFor(async () => ((await get(TABLE, token)).status === 401 ? true : undefined), {
      what: 'the disabled user to be refused here',
      timeoutMs: 1_000,
      intervalMs: 20,
    });
  });

  it('refuses a token past its expiry although its signature was checked before', async () => {
    const token = await api.login('head-330105');
    expect((await get(TABLE, token)).status).toBe(200);
    const realNow = Date.now();
    // Past the access token's 15 minutes, within the session's life.
    const clock = jest.spyOn(Date, 'now').mockReturnValue(realNow + 16 * 60_000);
    try {
      expect((await get(TABLE, token)).status).toBe(401);
    } finally {
      clock.mockRestore();
    }
    expect((await get(TABLE, token)).status).toBe(200);
  });

  it('answers everything but a plain answer as the whole pipeline does', async () => {
    const admin = await api.login('admin');
    await get(TABLE, admin);
    expect((await get(TABLE, null)).status).toBe(401);
    expect((await get(TABLE, 'not-a-token')).status).toBe(401);

    const unknown = await get(`${TABLE}&sort=desc`, admin);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ errors: [expect.objectContaining({ field: 'sort' })] });
    expect((await get(`/rankings?period=2026-13&level=county`, admin)).status).toBe(400);
    expect((await get(`${TABLE}&level=city`, admin)).status).toBe(400);
    expect((await get(`${TABLE}&__proto__=x`, admin)).status).toBe(400);
    expect((await get(`${TABLE}&version=99`, admin)).status).toBe(404);

    // A draft is the province's: a staff member asking for it is refused, kept in memory or not.
    const draft = `/rankings?period=${OPEN_PERIOD}&level=county`;
    await get(draft, admin);
    const staff = await api.login('staff-330102-1');
    expect((await get(draft, staff)).status).toBe(403);

    // An account that must change its initial password reaches nothing else first.
    const created = await api.request('POST', '/users', {
      token: admin,
      body: { username: 'hit-newcomer', displayName: '新同事', role: 'staff', agencyCode: '330102', password: 'Initial-Pass-2026' },
    });
    expect({ status: created.status, body: created.body }).toMatchObject({ status: 201 });
    const newcomer = await api.login('hit-newcomer', 'Initial-Pass-2026');
    expect((await get(TABLE, newcomer)).status).toBe(403);
  });

  it('counts hits against the rate limit like any other call', async () => {
    const url = (api.dataSource.options as { url: string }).url;
    const limited = await createApiApplication(testConfig(url, { RATE_LIMIT_PER_MINUTE: '5' }), { now: DEMO_NOW });
    await limited.listen(0, '127.0.0.1');
    try {
      const limitedUrl = (await limited.getUrl()).replace('[::1]', '127.0.0.1');
      const token = await api.login('head-330109');
      const answers: RawAnswer[] = [];
      for (let i = 0; i < 7; i++) answers.push(await rawGet(limitedUrl, TABLE, { authorization: `Bearer ${token}` }));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      expect(answers[4]?.headers['x-ratelimit-remaining']).toBe('0');
      expect(answers[6]?.headers['retry-after']).toBeDefined();
      expect(answers[6]?.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await limited.close();
    }
  });
});
