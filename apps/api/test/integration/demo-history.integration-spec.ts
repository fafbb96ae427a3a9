import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dayOf, rectificationCauses, workingCalendar } from '@scorecard/scoring';
import { DemoProvinceSeeder } from '@scorecard/server-demo';
import {
  type HttpClient,
  createHttpClient,
  createTestDatabase,
  testConfig,
} from '@scorecard/server-testing';
import { createApiApplication } from '../../src/bootstrap';

interface Item {
  id: string;
  period: string;
  agencyCode: string;
  indicatorCode: string | null;
  source: 'auto' | 'manual';
  reason: string;
  deadline: string;
  status: string;
  response: { cause: string; measures: string; by: string; at: string } | null;
  verification: { accepted: boolean | null; note: string; by: string; at: string } | null;
  createdBy: string;
  createdAt: string;
}

interface Case {
  period: string;
  agencyCode: string;
  ratingId: string | null;
  serviceItem: string | null;
  comment: string | null;
  status: string;
  rulingNote: string | null;
}

/**
 * The demo's published months carry their follow-up (DESIGN.md "After publication"): the
 * rectification items publication raises and the work done on them, bad review cases, appeals and
 * warnings. Seeded on today's real date, because "overdue" is judged against the database's clock.
 */
describe('demo history: the follow-up of the demo province’s published months', () => {
  const now = new Date();
  const today = dayOf(now);
  let app: INestApplication;
  let dataSource: DataSource;
  let http: HttpClient;
  let dropDatabase: () => Promise<void>;
  let admin: string;
  let newest: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    app = await createApiApplication(testConfig(database.url), { now });
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    http = createHttpClient(() => baseUrl);
    dataSource = app.get(DataSource);
    admin = await http.login('admin');
    const periods: { period: string; status: string }[] = (
      await http.request('GET', '/periods', { token: admin })
    ).body;
    newest = periods
      .filter((month) => month.status === 'published')
      .map((month) => month.period)
      .sort()
      .at(-1) as string;
  });
  afterAll(async () => {
    await app?.close();
    await dropDatabase?.();
  });

  const get = async (path: string, token = admin) => {
    const answer = await http.request('GET', path, { token });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('raises, for every published month, exactly the items its publication calls for, due ten working days after it was published', async () => {
    const items: Item[] = await get('/rectifications');
    const results: {
      period: string;
      agencyCode: string;
      grade: string | null;
      indicators: Record<string, { score: number; denominator: number }>;
      publishedOn: string;
    }[] = await dataSource.query(
      `SELECT r.period, r.agency_code AS "agencyCode", r.grade, r.indicators,
              to_char(m.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "publishedOn"
         FROM published_result r JOIN period m ON m.period = r.period AND r.version = m.published_version
        WHERE m.status = 'published' AND r.scope = 'aggregate' AND r.reported`,
    );
    const expected = results.flatMap((result) =>
      rectificationCauses({
        grade: result.grade,
        indicators: Object.entries(result.indicators).map(([code, value]) => ({
          code,
          score: value.score,
          denominator: value.denominator,
        })),
      }).map((indicatorCode) => `${result.period}/${result.agencyCode}/${indicatorCode ?? ''}`),
    );
    const automatic = items.filter((item) => item.source === 'auto');
    expect(expected.length).toBeGreaterThan(100);
    expect(
      automatic
        .map((item) => `${item.period}/${item.agencyCode}/${item.indicatorCode ?? ''}`)
        .sort(),
    ).toEqual(expected.sort());
    // The demo's calendar is empty: only weekends are non-working.
    const calendar = workingCalendar();
    const publishedOn = new Map(results.map((result) => [result.period, result.publishedOn]));
    for (const item of automatic)
      expect(item.deadline).toBe(
        calendar.addWorkingDays(publishedOn.get(item.period) as string, 10),
      );
    // Published on different days: the newest month the working day before today.
    expect(publishedOn.get(newest)).toBe(calendar.addWorkingDays(today, -1));
    expect(new Set(publishedOn.values()).size).toBe(publishedOn.size);
  });

  it('carries the items on: older ones mostly closed in time, some overdue, the newest month’s open or awaiting the city, and spot checks raised by hand', async () => {
    const items: Item[] = await get('/rectifications');
    const count = (status: string) => items.filter((item) => item.status === status).length;
    expect(count('closed')).toBeGreaterThan(items.length / 2);
    expect(count('overdue')).toBeGreaterThan(0);
    expect(count('responded')).toBeGreaterThan(0);
    expect(count('open')).toBeGreaterThan(0);
    for (const item of items) {
      if (item.status === 'closed') {
        expect(item.response?.cause).toMatch(/[\u4e00-\u9fa5]{10,}/);
        expect(item.response?.measures).toMatch(/[\u4e00-\u9fa5]{10,}/);
        expect(item.response?.by).toBe(`head-${item.agencyCode}`);
        expect(item.verification).toMatchObject({ accepted: true });
        // Answered after it was raised, accepted after the answer, both by the deadline.
        expect(Date.parse(item.createdAt)).toBeLessThan(Date.parse(item.response?.at as string));
        expect(Date.parse(item.response?.at as string)).toBeLessThan(
          Date.parse(item.verification?.at as string),
        );
        expect(dayOf(new Date(item.verification?.at as string)) <= item.deadline).toBe(true);
      }
      if (item.status === 'open' || item.status === 'responded')
        expect(item.deadline >= today).toBe(true);
      if (item.status === 'overdue') expect(item.deadline < today).toBe(true);
      if (item.response) expect(Date.parse(item.response.at)).toBeLessThanOrEqual(now.getTime());
    }
    // A county's items are verified by its city's admin.
    const county = items.find(
      (item) => item.status === 'closed' && !item.agencyCode.endsWith('00'),
    );
    expect(county?.verification?.by).toBe(`city-${county?.agencyCode.slice(0, 4)}00`);
    const manual = items.filter((item) => item.source === 'manual');
    expect(manual.length).toBeGreaterThanOrEqual(1);
    for (const item of manual) expect(item.reason).toContain('抽查');
    expect(
      manual.some((item) => item.period === newest && ['open', 'responded'].includes(item.status)),
    ).toBe(true);
  });

  it('has bad review cases from 1–2 ratings in every state, with what was rated and said, one voided on appeal', async () => {
    const total = async (status: string) =>
      (await get(`/bad-reviews?status=${status}&pageSize=200`)) as { items: Case[]; total: number };
    for (const status of ['closed', 'verified', 'open', 'overdue'])
      expect((await total(status)).total).toBeGreaterThan(0);
    const voided = await total('voided');
    expect(voided.total).toBe(1);
    expect(voided.items[0].rulingNote).toMatch(/作废/);
    const all = await get('/bad-reviews?pageSize=200');
    for (const item of all.items as Case[]) {
      expect(item.ratingId).toMatch(/^HCP\d{6}\d{6}\d{3}$/);
      expect(item.serviceItem).toBeTruthy();
      expect(item.comment).toMatch(/[\u4e00-\u9fa5]{6,}/);
    }
    const services = new Set((all.items as Case[]).map((item) => item.serviceItem));
    expect([...services]).toEqual(
      expect.arrayContaining(['异地就医备案', '医保关系转移接续', '门诊慢特病认定']),
    );
  });

  it('has an appeal dismissed with a note (its month stays published), and one of the newest month still open while its window is', async () => {
    const appeals: {
      period: string;
      status: string;
      resolution: { note: string; by: string } | null;
    }[] = await get('/appeals');
    const dismissed = appeals.filter((appeal) => appeal.status === 'dismissed');
    expect(dismissed).toHaveLength(1);
    expect(dismissed[0].resolution).toMatchObject({
      by: 'admin',
      note: expect.stringMatching(/维持原结果/),
    });
    const periods: { period: string; status: string }[] = await get('/periods');
    expect(periods.find((month) => month.period === dismissed[0].period)?.status).toBe('published');
    const window = await get(`/appeals/window?period=${newest}`);
    expect(window.open).toBe(true);
    expect(
      appeals.filter((appeal) => appeal.status === 'open').map((appeal) => appeal.period),
    ).toEqual([newest]);
  });

  it('warns an agency (约谈) and shows an improving streak (进步) in the newest published month', async () => {
    const warnings: { rule: string; months: number }[] = await get(`/warnings?period=${newest}`);
    expect(
      warnings.some((warning) => ['fail_streak', 'last_in_parent_streak'].includes(warning.rule)),
    ).toBe(true);
    expect(warnings.some((warning) => warning.rule === 'improving_streak')).toBe(true);
  });

  it('records the province’s talk (约谈) with an agency warned in the month before', async () => {
    const periods: { period: string; status: string }[] = await get('/periods');
    const before = periods
      .filter((month) => month.status === 'published' && month.period < newest)
      .map((month) => month.period)
      .sort()
      .at(-1);
    const warnings: {
      agencyCode: string;
      rule: string;
      talk: { heldOn: string; note: string; by: string } | null;
    }[] = await get(`/warnings?period=${before}`);
    // One talk with one agency: beside each of its warnings that month.
    const talked = warnings.filter((warning) => warning.talk !== null);
    expect(new Set(talked.map((warning) => warning.agencyCode)).size).toBe(1);
    expect(talked.map((warning) => warning.rule)).toContain('fail_streak');
    expect(talked[0].talk).toMatchObject({ by: 'admin', note: expect.stringContaining('约谈') });
    expect(talked[0].talk?.heldOn.localeCompare(today)).toBeLessThan(0);
  });

  it('lets the demo users log in, and a head sees only its own follow-up', async () => {
    for (const username of ['admin', 'city-330100', 'head-330102', 'staff-330102-1'])
      expect(await http.login(username)).toEqual(expect.any(String));
    const items: Item[] = await get('/rectifications', await http.login('head-330624'));
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((item) => item.agencyCode))).toEqual(new Set(['330624']));
  });

  it('seeding again changes nothing', async () => {
    const counts = () =>
      dataSource.query(
        `SELECT (SELECT count(*) FROM rectification) AS rectifications, (SELECT count(*) FROM bad_review) AS cases,
                (SELECT count(*) FROM appeal) AS appeals, (SELECT count(*) FROM notification) AS notifications,
                (SELECT count(*) FROM audit_log) AS audit, (SELECT max(published_at) FROM period) AS published`,
      );
    const before = await counts();
    expect(await app.get(DemoProvinceSeeder).seedIfEmpty(now)).toBeNull();
    expect(await counts()).toEqual(before);
  });
});
