import { SYSTEM_ACTOR } from '@scorecard/server-database';
import { PeriodComputationService, PeriodPublicationService } from '@scorecard/server-months';
import {
  type ApiTestApp,
  OPEN_PERIOD,
  PUBLISHED_PERIOD,
  startApiTestApp,
} from '../support/api-test-app';

type Values = Record<string, { numerator: number; denominator: number }>;

/**
 * Which results a caller sees: the province the current (draft) ones, a city admin those of its
 * counties, everyone else the last published version — in the scorecard exactly as in /rankings.
 */
describe('result visibility and rank changes', () => {
  let api: ApiTestApp;
  let admin: string;
  let head: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
    head = await api.login('head-330102');
  });
  afterAll(() => api.close());

  /** Sets every numerator of an agency's month to nothing, which sinks it in the ranks. */
  async function zeroNumerators(period: string, agencyCode: string): Promise<void> {
    const current = await api.request('GET', `/submissions/${period}/${agencyCode}`, {
      token: admin,
    });
    expect(current.status).toBe(200);
    const values: Values = {};
    for (const [code, figure] of Object.entries(current.body.values as Values)) {
      values[code] = { numerator: 0, denominator: figure.denominator };
    }
    const saved = await api.request('PUT', `/submissions/${period}/${agencyCode}`, {
      token: admin,
      body: { values, version: current.body.version },
    });
    expect(saved.status).toBe(200);
  }

  async function countyRow(token: string, period: string, agencyCode: string) {
    const { status, body } = await api.request('GET', `/rankings?period=${period}&level=county`, {
      token,
    });
    expect(status).toBe(200);
    return body.rows.find((row: { agencyCode: string }) => row.agencyCode === agencyCode);
  }

  it('shows a head its own figures but no draft score or rank of a month never published', async () => {
    await api.app.get(PeriodComputationService).compute(OPEN_PERIOD);
    expect(
      (await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county`, { token: head }))
        .status,
    ).toBe(403);

    const { status, body } = await api.request(
      'GET',
      `/agencies/330102/scorecard?period=${OPEN_PERIOD}`,
      { token: head },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ score: null, grade: null, published: false });
    expect(body.ranks.inParent).toMatchObject({ rank: null, rankChange: null });
    expect(body.ranks.inLevel).toMatchObject({ rank: null, rankChange: null });
    const submission = await api.request('GET', `/submissions/${OPEN_PERIOD}/330102`, {
      token: head,
    });
    for (const indicator of body.indicators) {
      expect(indicator.score).toBeNull();
      expect(indicator.best).toBeNull();
      expect(indicator.average).toBeNull();
      const typed = submission.body.values[indicator.code];
      if (typed) expect(indicator.numerator).toBe(typed.numerator);
    }
    // The draft month is not in the head's trend either; the province sees it.
    expect(body.trend.at(-1)).toMatchObject({ period: OPEN_PERIOD, score: null });
    const province = await api.request('GET', `/agencies/330102/scorecard?period=${OPEN_PERIOD}`, {
      token: admin,
    });
    expect(province.body.score).not.toBeNull();
    expect(province.body.trend.at(-1).score).toBe(province.body.score);
  });

  it("shows a city admin its counties' draft rankings and scorecards, and no other city's", async () => {
    await api.app.get(PeriodComputationService).compute(OPEN_PERIOD);
    const city = await api.login('city-330100');
    const table = (token: string, query: string) =>
      api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county${query}`, { token });

    const own = await table(city, '&parent=330100');
    const province = await table(admin, '&parent=330100');
    expect(own.status).toBe(200);
    expect(own.body.version).toBeNull();
    expect(own.body.rows.length).toBeGreaterThan(1);
    expect(own.body.rows).toEqual(province.body.rows);
    expect(own.body.rows.some((row: { score: number | null }) => row.score !== null)).toBe(true);

    // Another city's counties, the whole province's county table and the cities' table: not in draft.
    expect((await table(city, '&parent=330200')).status).toBe(403);
    expect((await table(city, '')).status).toBe(403);
    expect((await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=city`, { token: city })).status).toBe(403);

    const scorecard = await api.request('GET', `/agencies/330102/scorecard?period=${OPEN_PERIOD}`, { token: city });
    expect(scorecard.status).toBe(200);
    const row = own.body.rows.find((r: { agencyCode: string }) => r.agencyCode === '330102');
    expect(scorecard.body).toMatchObject({ score: row.score, published: false });
    expect(scorecard.body.ranks.inParent.rank).toBe(row.rank);
    expect(scorecard.body.trend.at(-1).score).toBe(row.score);
    // The best and average of every county in the province are not its to see in a draft.
    const provinceCard = await api.request('GET', `/agencies/330102/scorecard?period=${OPEN_PERIOD}`, { token: admin });
    expect(provinceCard.body.indicators.some((indicator: { best: number | null }) => indicator.best !== null)).toBe(true);
    for (const indicator of scorecard.body.indicators) {
      expect(indicator).toMatchObject({ best: null, average: null });
    }
    expect((await api.request('GET', `/agencies/330203/scorecard?period=${OPEN_PERIOD}`, { token: city })).status).toBe(403);
    // Its own city's row stands among the other cities': figures only, like its head.
    const cityRow = await api.request('GET', `/agencies/330100/scorecard?period=${OPEN_PERIOD}`, { token: city });
    expect(cityRow.status).toBe(200);
    expect(cityRow.body).toMatchObject({ score: null, grade: null });

    // Heads and staff of the same city still see no draft score or rank.
    for (const username of ['head-330100', 'staff-330100-1', 'head-330102']) {
      const token = await api.login(username);
      expect((await table(token, '&parent=330100')).status).toBe(403);
      expect((await api.request('GET', `/agencies/330105/scorecard?period=${OPEN_PERIOD}`, { token })).status).toBe(403);
    }
  });

  it('shows a head the published version of a reopened month in the scorecard as in /rankings', async () => {
    const published = await countyRow(head, PUBLISHED_PERIOD, '330102');
    const reopened = await api.request('POST', `/periods/${PUBLISHED_PERIOD}/reopen`, {
      token: admin,
      body: { reason: '核对上城区数据' },
    });
    expect(reopened.status).toBeLessThan(300);
    await zeroNumerators(PUBLISHED_PERIOD, '330102');
    await api.app.get(PeriodComputationService).compute(PUBLISHED_PERIOD);

    const draft = await countyRow(admin, PUBLISHED_PERIOD, '330102');
    expect(draft.score).toBeLessThan(published.score);
    expect((await countyRow(head, PUBLISHED_PERIOD, '330102')).score).toBe(published.score);

    const scorecard = await api.request(
      'GET',
      `/agencies/330102/scorecard?period=${PUBLISHED_PERIOD}`,
      { token: head },
    );
    expect(scorecard.status).toBe(200);
    expect(scorecard.body).toMatchObject({ score: published.score, published: true });
    expect(scorecard.body.ranks.inLevel.rank).toBe(published.rank);
    expect(scorecard.body.trend.at(-1).score).toBe(published.score);
    const provinceView = await api.request(
      'GET',
      `/agencies/330102/scorecard?period=${PUBLISHED_PERIOD}`,
      { token: admin },
    );
    expect(provinceView.body.score).toBe(draft.score);
  });

  it("measures rank change against the previous month's published ranks, not its draft", async () => {
    // The previous month (reopened above) now has draft ranks that differ from its published ones.
    const publishedBefore = await api.request(
      'GET',
      `/rankings?period=${PUBLISHED_PERIOD}&level=county`,
      { token: head },
    );
    const draftBefore = await api.request(
      'GET',
      `/rankings?period=${PUBLISHED_PERIOD}&level=county`,
      { token: admin },
    );
    const publishedRank = new Map<string, number | null>(
      publishedBefore.body.rows.map((row: { agencyCode: string; rank: number | null }) => [
        row.agencyCode,
        row.rank,
      ]),
    );
    const draftRank = new Map<string, number | null>(
      draftBefore.body.rows.map((row: { agencyCode: string; rank: number | null }) => [
        row.agencyCode,
        row.rank,
      ]),
    );
    expect(draftRank.get('330102')).not.toBe(publishedRank.get('330102'));

    await api.app.get(PeriodComputationService).compute(OPEN_PERIOD, {});
    const current = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county`, {
      token: admin,
    });
    for (const row of current.body.rows as {
      agencyCode: string;
      rank: number | null;
      rankChange: number | null;
    }[]) {
      const before = publishedRank.get(row.agencyCode);
      expect(row.rankChange).toBe(before == null || row.rank === null ? null : before - row.rank);
    }
  });

  it("recomputes the next month's rank changes when a month is published again", async () => {
    // The month reopened above now carries the corrected figures: lock it and publish version 2.
    const locked = await api.request('POST', `/periods/${PUBLISHED_PERIOD}/lock`, {
      token: admin,
      body: { force: true, reason: '上城区数据已更正' },
    });
    expect(locked.status).toBeLessThan(300);
    const [{ data_revision: before }] = await api.dataSource.query(
      'SELECT data_revision FROM period WHERE period = $1',
      [OPEN_PERIOD],
    );
    await api.app
      .get(PeriodPublicationService, { strict: false })
      .publish({ period: PUBLISHED_PERIOD, version: 2, actor: SYSTEM_ACTOR });

    // The next month is marked for its computation, which the relay queues.
    const [next] = await api.dataSource.query(
      'SELECT data_revision, computed_revision FROM period WHERE period = $1',
      [OPEN_PERIOD],
    );
    expect(next.data_revision).toBeGreaterThan(before);
    expect(next.computed_revision).toBeLessThan(next.data_revision);

    const outcome = await api.app
      .get(PeriodComputationService)
      .compute(OPEN_PERIOD, { minimumRevision: next.data_revision });
    expect(outcome.skipped).toBe(false);
    const republished = await api.request(
      'GET',
      `/rankings?period=${PUBLISHED_PERIOD}&level=county`,
      { token: head },
    );
    expect(republished.body.version).toBe(2);
    const publishedRank = new Map<string, number | null>(
      republished.body.rows.map((row: { agencyCode: string; rank: number | null }) => [
        row.agencyCode,
        row.rank,
      ]),
    );
    const current = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county`, {
      token: admin,
    });
    for (const row of current.body.rows as {
      agencyCode: string;
      rank: number | null;
      rankChange: number | null;
    }[]) {
      const earlier = publishedRank.get(row.agencyCode);
      expect(row.rankChange).toBe(earlier == null || row.rank === null ? null : earlier - row.rank);
    }
  });
});
