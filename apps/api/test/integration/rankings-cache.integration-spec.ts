import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DataSource as TypeOrmDataSource } from 'typeorm';
import { rateOfFigures } from '@scorecard/scoring';
import { SYSTEM_ACTOR } from '@scorecard/server-database';
import { PeriodComputationService, PeriodPublicationService } from '@scorecard/server-months';
import { createHttpClient, type HttpClient, testConfig, waitFor } from '@scorecard/server-testing';
import { createApiApplication } from '../../src/bootstrap';
import { RankingChangeListener } from '../../src/app/rankings/ranking-change.listener';
import { RankingsService } from '../../src/app/rankings/rankings.service';
import {
  type ApiTestApp,
  DEMO_NOW,
  OPEN_PERIOD,
  PUBLISHED_PERIOD,
  startApiTestApp,
} from '../support/api-test-app';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

type Values = Record<string, { numerator: number; denominator: number }>;

/** A GET as the wire carries it: no decompression, no JSON parsing. */
function rawGet(baseUrl: string, path: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseUrl}/api${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * League tables kept in memory: the same bytes as built afresh, sent compressed with an entity tag,
 * never to a caller who may not see them, dropped by every API process as soon as anything they show
 * changes anywhere, and costing no database work when served again.
 */
describe('league tables kept in memory', () => {
  let api: ApiTestApp;
  /** A second API process on the same database, as behind a load balancer. */
  let other: INestApplication;
  let elsewhere: HttpClient;
  /** An API process that keeps nothing: every answer is built from the database. */
  let fresh: INestApplication;
  let freshUrl: string;
  let admin: string;

  const startSecond = async (overrides: Record<string, string> = {}) => {
    const url = (api.dataSource.options as { url: string }).url;
    const app = await createApiApplication(testConfig(url, overrides), { now: DEMO_NOW });
    await app.listen(0, '127.0.0.1');
    return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
  };

  beforeAll(async () => {
    api = await startApiTestApp();
    const second = await startSecond();
    other = second.app;
    elsewhere = createHttpClient(() => second.url);
    const uncached = await startSecond({ RANKING_CACHE_BYTES: '0' });
    fresh = uncached.app;
    freshUrl = uncached.url;
    admin = await api.login('admin');
  });
  afterAll(async () => {
    await fresh?.close();
    await other?.close();
    await api.close();
  });

  const get = (path: string, token: string, headers: Record<string, string> = {}) =>
    rawGet(api.baseUrl, path, { authorization: `Bearer ${token}`, ...headers });

  /** What this process answers now equals, byte for byte, what the process keeping nothing builds. */
  async function expectFreshAnswer(path: string, token: string): Promise<unknown> {
    const kept = await get(path, token);
    const built = await rawGet(freshUrl, path, { authorization: `Bearer ${token}` });
    expect(kept.status).toBe(200);
    expect(built.status).toBe(200);
    expect(JSON.parse(kept.body.toString('utf8'))).toEqual(JSON.parse(built.body.toString('utf8')));
    expect(kept.body.equals(built.body)).toBe(true);
    return JSON.parse(kept.body.toString('utf8'));
  }

  /**
   * Resolves when this process has heard the database announce `payload`. A change made anywhere
   * reaches every API process when it commits; from then on their next read shows it.
   */
  function announced(payload: string): Promise<void> {
    const listener = api.app.get(RankingChangeListener, { strict: false });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no "${payload}" announcement within 2 s`));
      }, 2_000);
      const stop = listener.subscribe((heard) => {
        if (heard !== payload) return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  }

  const rowOf = (table: unknown, agencyCode: string) =>
    (table as { rows: { agencyCode: string }[] }).rows.find((row) => row.agencyCode === agencyCode) as Record<
      string,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON rows
      any
    >;

  it('answers the same JSON from memory as built afresh', async () => {
    for (const path of [
      `/rankings?period=${PUBLISHED_PERIOD}&level=county`,
      `/rankings?period=${PUBLISHED_PERIOD}&level=county&parent=330100`,
      `/rankings?period=${PUBLISHED_PERIOD}&level=city&scope=own`,
      `/rankings?period=${OPEN_PERIOD}&level=county`,
    ]) {
      // The first builds and keeps it; the second is served from memory.
      await get(path, admin);
      const table = await expectFreshAnswer(path, admin);
      expect((table as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    }
  });

  it('tags the answer and answers 304 with no body when the caller already holds it', async () => {
    const path = `/rankings?period=${PUBLISHED_PERIOD}&level=county`;
    const first = await get(path, admin);
    expect(first.status).toBe(200);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers['vary']).toMatch(/Accept-Encoding/);
    expect(first.headers['vary']).toMatch(/Authorization/);

    const again = await get(path, admin, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(etag);
    // The process keeping nothing tags the same answer alike: any process may answer the question.
    expect((await rawGet(freshUrl, path, { authorization: `Bearer ${admin}`, 'if-none-match': etag })).status).toBe(304);

    // Another table, or a stale tag, gets the whole answer.
    const otherTable = await get(`/rankings?period=${PUBLISHED_PERIOD}&level=city`, admin, { 'if-none-match': etag });
    expect(otherTable.status).toBe(200);
    expect(otherTable.headers['etag']).not.toBe(etag);
    expect((await get(path, admin, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  it('sends gzip or brotli when accepted, the same JSON inside', async () => {
    const path = `/rankings?period=${PUBLISHED_PERIOD}&level=county`;
    const plain = await get(path, admin);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);

    const gzip = await get(path, admin, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.length).toBeLessThan(plain.body.length / 4);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length);

    const brotli = await get(path, admin, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);

    expect((await get(path, admin, { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding']).toBeUndefined();
    // A tag received with one coding is good for the others: the content is the same.
    expect((await get(path, admin, { 'if-none-match': gzip.headers['etag'] as string })).status).toBe(304);
  });

  it('answers a compact table (view=table) with the same rows and figures, smaller, kept and tagged apart', async () => {
    const path = `/rankings?period=${PUBLISHED_PERIOD}&level=county`;
    const full = await get(path, admin);
    const compactPath = `${path}&view=table`;
    await get(compactPath, admin);
    // Kept in memory like any table, and the same bytes as built afresh.
    const compact = (await expectFreshAnswer(compactPath, admin)) as {
      indicatorCodes: string[];
      rows: Record<string, unknown>[];
    };
    const whole = JSON.parse(full.body.toString('utf8')) as {
      rows: (Record<string, unknown> & {
        indicators: Record<string, { numerator: number; denominator: number; rate: number | null }>;
      })[];
    };
    const header = (answer: object) =>
      Object.fromEntries(Object.entries(answer).filter(([key]) => key !== 'rows' && key !== 'indicatorCodes'));
    expect(header(compact)).toEqual(header(whole));
    expect(compact.indicatorCodes).toEqual(Object.keys(whole.rows[0]?.indicators ?? {}));
    expect(compact.rows).toEqual(
      whole.rows.map((row) => ({
        rank: row['rank'],
        agencyCode: row['agencyCode'],
        name: row['name'],
        parentCode: row['parentCode'],
        score: row['score'],
        grade: row['grade'],
        rankChange: row['rankChange'],
        reported: row['reported'],
        figures: compact.indicatorCodes.map((code) => {
          const result = row.indicators[code];
          return result ? [result.numerator, result.denominator] : null;
        }),
      })),
    );
    // Each rate the whole answer carries is the one worked out from the compact figures.
    for (const row of whole.rows) {
      for (const { numerator, denominator, rate } of Object.values(row.indicators)) {
        expect(rateOfFigures(numerator, denominator)).toBe(rate);
      }
    }
    const compactAnswer = await get(compactPath, admin);
    expect(compactAnswer.body.length).toBeLessThan(full.body.length / 2.5);
    expect(compactAnswer.headers['etag']).not.toBe(full.headers['etag']);
    expect((await get(compactPath, admin, { 'if-none-match': compactAnswer.headers['etag'] as string })).status).toBe(304);
    expect((await get(`${path}&view=everything`, admin)).status).toBe(400);
  });

  it('decides who may see a draft before looking in memory', async () => {
    await api.app.get(PeriodComputationService).compute(OPEN_PERIOD);
    const path = `/rankings?period=${OPEN_PERIOD}&level=county&parent=330100`;
    const city = await api.login('city-330100');
    const kept = await get(path, city);
    expect(kept.status).toBe(200);
    expect(JSON.parse(kept.body.toString('utf8'))).toMatchObject({ version: null, status: 'open' });
    expect((await get(path, city)).status).toBe(200);

    // The same table, now kept in memory, asked for by people who may not read its draft.
    for (const username of ['head-330200', 'city-330200', 'head-330100', 'staff-330102-1']) {
      const token = await api.login(username);
      const refused = await get(path, token);
      expect({ username, status: refused.status }).toEqual({ username, status: 403 });
      expect(refused.body.toString('utf8')).not.toContain('"rows"');
      // Not even a tag that matches gives it away.
      const tagged = await get(path, token, { 'if-none-match': kept.headers['etag'] as string });
      expect({ username, status: tagged.status }).toEqual({ username, status: 403 });
    }
  });

  it('follows a figure saved and recomputed through another API process', async () => {
    const path = `/rankings?period=${OPEN_PERIOD}&level=county`;
    await api.app.get(PeriodComputationService).compute(OPEN_PERIOD);
    const before = await expectFreshAnswer(path, admin);
    expect(before).toMatchObject({ stale: false });
    const county = rowOf(before, '330102');

    const current = await elsewhere.request('GET', `/submissions/${OPEN_PERIOD}/330102`, { token: await elsewhere.login('admin') });
    expect(current.status).toBe(200);
    const values: Values = {};
    for (const [code, figure] of Object.entries(current.body.values as Values)) {
      values[code] = { numerator: 0, denominator: figure.denominator };
    }
    let heard = announced(OPEN_PERIOD);
    const saved = await elsewhere.request('PUT', `/submissions/${OPEN_PERIOD}/330102`, {
      token: await elsewhere.login('admin'),
      body: { values, version: current.body.version },
    });
    expect(saved.status).toBe(200);
    await heard;
    // Saved, not computed yet: the table says so at once.
    expect(await expectFreshAnswer(path, admin)).toMatchObject({ stale: true });

    heard = announced(OPEN_PERIOD);
    await other.get(PeriodComputationService).compute(OPEN_PERIOD);
    await heard;
    const after = await expectFreshAnswer(path, admin);
    expect(after).toMatchObject({ stale: false });
    expect(rowOf(after, '330102').score).toBeLessThan(county.score);
  });

  it('catches up with every change committed before it asks, whoever committed it', async () => {
    const listener = api.app.get(RankingChangeListener, { strict: false });
    const heard: (string | null)[] = [];
    const stop = listener.subscribe((payload) => heard.push(payload));
    try {
      // Committed by another process; its notice travels on its own.
      await other.get(TypeOrmDataSource).query('UPDATE period SET due_date = due_date WHERE period = $1', [OPEN_PERIOD]);
      await listener.caughtUp();
      expect(heard).toContain(OPEN_PERIOD);
    } finally {
      stop();
    }
  });

  it('shows a write answered by this process in its very next read', async () => {
    const path = `/rankings?period=${PUBLISHED_PERIOD}&level=county&parent=330300`;
    const before = rowOf(await expectFreshAnswer(path, admin), '330302');
    // No waiting here: the write answers once this process has heard its own change.
    const raised = await api.request('POST', '/rectifications', {
      token: admin,
      body: { period: PUBLISHED_PERIOD, agencyCode: '330302', reason: '抽查发现AB岗未落实' },
    });
    expect(raised.status).toBe(201);
    const after = rowOf(JSON.parse((await get(path, admin)).body.toString('utf8')), '330302');
    expect(after.rectifications.open).toBe(before.rectifications.open + 1);
  });

  it('follows a month reopened and published again through another API process', async () => {
    const path = `/rankings?period=${PUBLISHED_PERIOD}&level=county`;
    const head = await api.login('head-330105');
    const published = await expectFreshAnswer(path, head);
    expect(published).toMatchObject({ status: 'published', version: 1 });
    await expectFreshAnswer(path, admin);

    const elsewhereAdmin = await elsewhere.login('admin');
    let heard = announced(PUBLISHED_PERIOD);
    const reopened = await elsewhere.request('POST', `/periods/${PUBLISHED_PERIOD}/reopen`, {
      token: elsewhereAdmin,
      body: { reason: '核对上城区数据' },
    });
    expect(reopened.status).toBeLessThan(300);
    await heard;
    // The province now reads the month as being corrected; the head still its version 1.
    expect(await expectFreshAnswer(path, admin)).toMatchObject({ status: 'open', version: null });
    expect(await expectFreshAnswer(path, head)).toMatchObject({ status: 'open', version: 1 });

    const current = await elsewhere.request('GET', `/submissions/${PUBLISHED_PERIOD}/330105`, { token: elsewhereAdmin });
    const values: Values = {};
    for (const [code, figure] of Object.entries(current.body.values as Values)) {
      values[code] = { numerator: 0, denominator: figure.denominator };
    }
    expect(
      (
        await elsewhere.request('PUT', `/submissions/${PUBLISHED_PERIOD}/330105`, {
          token: elsewhereAdmin,
          body: { values, version: current.body.version },
        })
      ).status,
    ).toBe(200);
    const locked = await elsewhere.request('POST', `/periods/${PUBLISHED_PERIOD}/lock`, {
      token: elsewhereAdmin,
      body: { force: true, reason: '上城区数据已更正' },
    });
    expect(locked.status).toBeLessThan(300);
    heard = announced(PUBLISHED_PERIOD);
    await other.get(PeriodComputationService).compute(PUBLISHED_PERIOD);
    await heard;
    expect(await expectFreshAnswer(path, head)).toMatchObject({ status: 'locked', version: 1 });

    heard = announced(PUBLISHED_PERIOD);
    await other
      .get(PeriodPublicationService, { strict: false })
      .publish({ period: PUBLISHED_PERIOD, version: 2, actor: SYSTEM_ACTOR });
    await heard;
    const republished = await expectFreshAnswer(path, head);
    expect(republished).toMatchObject({ status: 'published', version: 2 });
    expect(rowOf(republished, '330105').score).toBeLessThan(rowOf(published, '330105').score);
  });

  it('follows a rectification item raised through another API process', async () => {
    const path = `/rankings?period=${PUBLISHED_PERIOD}&level=county&parent=330100`;
    const before = rowOf(await expectFreshAnswer(path, admin), '330106');
    const heard = announced('rectification');
    const raised = await elsewhere.request('POST', '/rectifications', {
      token: await elsewhere.login('admin'),
      body: { period: PUBLISHED_PERIOD, agencyCode: '330106', reason: '抽查发现首问负责制落实不到位' },
    });
    expect(raised.status).toBe(201);
    await heard;
    const after = rowOf(await expectFreshAnswer(path, admin), '330106');
    expect(after.rectifications.open).toBe(before.rectifications.open + 1);
  });

  it('does not keep an answer that was being built while a change landed', async () => {
    const path = `/rankings?period=${PUBLISHED_PERIOD}&level=county&parent=330200`;
    const service = api.app.get(RankingsService, { strict: false });
    const build = service.ranking.bind(service);
    const elsewhereAdmin = await elsewhere.login('admin');
    const building = jest.spyOn(service, 'ranking').mockImplementationOnce(async (caller, query) => {
      // Built from the database as it was; the change commits and is announced before it is sent.
      const built = await build(caller, query);
      const heard = announced('rectification');
      const raised = await elsewhere.request('POST', '/rectifications', {
        token: elsewhereAdmin,
        body: { period: PUBLISHED_PERIOD, agencyCode: '330203', reason: '抽查发现网上咨询回复超时' },
      });
      expect(raised.status).toBe(201);
      await heard;
      return built;
    });
    try {
      const raced = JSON.parse((await get(path, admin)).body.toString('utf8'));
      expect(building).toHaveBeenCalledTimes(1);
      const after = await expectFreshAnswer(path, admin);
      expect(rowOf(after, '330203').rectifications.open).toBe(rowOf(raced, '330203').rectifications.open + 1);
    } finally {
      building.mockRestore();
    }
  });

  it('serves a table again with no database work at all', async () => {
    const path = `/rankings?period=${PUBLISHED_PERIOD}&level=county`;
    const head = await api.login('head-330108');
    // The session and the table are read once…
    expect((await get(path, head)).status).toBe(200);
    expect((await get(`/rankings?period=${PUBLISHED_PERIOD}&level=city`, head)).status).toBe(200);

    const connections = jest.spyOn(api.dataSource.driver as unknown as { obtainMasterConnection(): unknown }, 'obtainMasterConnection');
    try {
      // …and then served from memory: month row, agency tree, session and answer.
      for (const headers of [{}, { 'accept-encoding': 'gzip' }] as Record<string, string>[]) {
        expect((await get(path, head, headers)).status).toBe(200);
      }
      expect(connections).not.toHaveBeenCalled();

      // The counter counts: a table not kept yet takes the database.
      expect((await get(`/rankings?period=${PUBLISHED_PERIOD}&level=county&scope=own`, head)).status).toBe(200);
      expect(connections).toHaveBeenCalled();
    } finally {
      connections.mockRestore();
    }
  });

  it('reads everything from the database while it cannot hear the announcements', async () => {
    const path = `/rankings?period=${PUBLISHED_PERIOD}&level=county&parent=330100`;
    expect((await get(path, admin)).status).toBe(200);
    const dataSource: DataSource = api.dataSource;
    expect(dataSource).toBeInstanceOf(TypeOrmDataSource);
    await dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'scorecard-ranking-change' AND datname = current_database()`,
    );
    const listener = api.app.get(RankingChangeListener, { strict: false });
    await waitFor(async () => (listener.isListening ? undefined : true), {
      what: 'the listener to notice its connection is gone',
      timeoutMs: 5_000,
      intervalMs: 10,
    });
    // Changed while nobody listens: no announcement will come, and the change is still seen.
    await dataSource.query(`UPDATE agency SET name = name || '（测）' WHERE code = '330102'`);
    try {
      const table = await expectFreshAnswer(path, admin);
      expect(rowOf(table, '330102').name).toMatch(/（测）$/);
    } finally {
      await dataSource.query(`UPDATE agency SET name = replace(name, '（测）', '') WHERE code = '330102'`);
    }
  });
});
