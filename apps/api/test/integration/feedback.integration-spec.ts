import { FeedbackNoticeService } from '@scorecard/server-months';
import { waitFor } from '@scorecard/server-testing';
import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

const COUNTY = '330102';

/** 上城区's month: a mix of indicators above, below and at their floor, money with fen. */
const VALUES: Record<string, { numerator: string; denominator: string }> = {
  enrollment_expansion: { numerator: '7624', denominator: '8682' },
  collection: { numerator: '1234.56', denominator: '1300.07' },
  annual_inspection: { numerator: '100', denominator: '100' },
  first_inquiry: { numerator: '70', denominator: '100' },
  ab_post: { numerator: '9', denominator: '10' },
  online_reply: { numerator: '0', denominator: '0' },
  satisfaction: { numerator: '9000', denominator: '10000' },
};

interface Message {
  kind: string;
  params: Record<string, unknown>;
}

/** A decimal as an exact fraction of bigints, counted here without the product's code. */
function fraction(text: string): [bigint, bigint] {
  const [whole, decimals = ''] = text.split('.');
  return [BigInt(whole + decimals), 10n ** BigInt(decimals.length)];
}

/** target − numerator / denominator, exactly, then the nearest double: null when not short of it. */
function expectedGap(
  target: number,
  figures: { numerator: string; denominator: string },
): number | null {
  const [tn, td] = fraction(String(target));
  const [nn, nd] = fraction(figures.numerator);
  const [dn, dd] = fraction(figures.denominator);
  if (dn === 0n) return null;
  // target − (nn/nd) / (dn/dd) = (tn·nd·dn − nn·dd·td) / (td·nd·dn)
  const top = tn * nd * dn - nn * dd * td;
  const bottom = td * nd * dn;
  return top > 0n ? Number(top) / Number(bottom) : null;
}

describe('the feedback sheet (反馈单) of a published month, and the message to the head', () => {
  let api: ApiTestApp;
  let admin: string;
  let head: string;
  let deputy: string;

  const publish = async (): Promise<number> => {
    const locked = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, {
      token: admin,
      body: { force: true, reason: '截止时间已到' },
    });
    expect(locked.status).toBe(200);
    const accepted = await api.request('POST', `/periods/${OPEN_PERIOD}/publish`, { token: admin });
    expect(accepted.status).toBe(202);
    const job = await waitFor(
      async () => {
        const answer = await api.request('GET', `/jobs/${accepted.body.jobId}`, { token: admin });
        return ['completed', 'failed'].includes(answer.body.state) ? answer.body : undefined;
      },
      { what: 'the publication', timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(job).toMatchObject({ state: 'completed' });
    return job.result.version as number;
  };

  const feedbackMessages = async (token = head): Promise<Message[]> =>
    ((await api.request('GET', '/notifications', { token })).body.items as Message[]).filter(
      (message) =>
        message.kind === 'feedback.published' && message.params['period'] === OPEN_PERIOD,
    );

  const sheetOf = (token: string) =>
    api.request('GET', `/agencies/${COUNTY}/feedback?period=${OPEN_PERIOD}`, { token });

  beforeAll(async () => {
    api = await startApiTestApp({}, { worker: true });
    admin = await api.login('admin');
    head = await api.login(`head-${COUNTY}`);
    // A second head of the same agency: each head gets its own message.
    const created = await api.request('POST', '/users', {
      token: admin,
      body: {
        username: 'deputy-330102',
        displayName: '上城区副主任',
        role: 'agency_head',
        agencyCode: COUNTY,
        password: 'Deputy-Head-1',
      },
    });
    expect(created.status).toBe(201);
    deputy = await api.firstLogin('deputy-330102', 'Deputy-Head-1', 'Deputy-Head-Own-1');
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/${COUNTY}`, {
      token: head,
    });
    const saved = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${COUNTY}`, {
      token: head,
      body: { values: VALUES, version: current.status === 200 ? current.body.version : undefined },
    });
    expect(saved.status).toBe(200);
    const approved = await api.request('POST', `/submissions/${OPEN_PERIOD}/${COUNTY}/approve`, {
      token: admin,
    });
    expect(approved.status).toBe(200);
  });
  afterAll(() => api.close());

  it('has no sheet before the month is published', async () => {
    expect((await sheetOf(head)).status).toBe(404);
    expect((await sheetOf(admin)).status).toBe(404);
    expect(await feedbackMessages()).toEqual([]);
  });

  it('answers, once published, the result, the exact gaps, the month’s items and the warnings', async () => {
    expect(await publish()).toBe(1);
    const answer = await sheetOf(head);
    expect(answer.status).toBe(200);
    const sheet = answer.body;
    expect(sheet).toMatchObject({
      issuer: '浙江省医疗保障服务中心',
      agency: {
        code: COUNTY,
        name: '上城区',
        level: 'county',
        parentCode: '330100',
        parentName: '杭州市',
      },
      period: OPEN_PERIOD,
      version: 1,
      reported: true,
    });
    expect(Date.parse(sheet.publishedAt)).not.toBeNaN();

    const scorecard = (
      await api.request('GET', `/agencies/${COUNTY}/scorecard?period=${OPEN_PERIOD}`, {
        token: head,
      })
    ).body;
    expect(sheet.score).toBe(scorecard.score);
    expect(sheet.grade).toBe(scorecard.grade);
    expect(sheet.ranks).toEqual(scorecard.ranks);

    // Every indicator short of its target, with target − rate counted here on the submitted decimals.
    const indicators: { code: string; target: number; floor: number }[] = (
      await api.request('GET', `/indicators?period=${OPEN_PERIOD}`, { token: head })
    ).body;
    const expected = indicators
      .map((indicator) => ({
        ...indicator,
        gap: expectedGap(indicator.target, VALUES[indicator.code]),
      }))
      .filter((indicator) => indicator.gap !== null);
    expect(expected.map((indicator) => indicator.code).sort()).toEqual(
      ['ab_post', 'collection', 'enrollment_expansion', 'first_inquiry'].sort(),
    );
    expect(sheet.belowTarget.map((row: { code: string }) => row.code).sort()).toEqual(
      expected.map((indicator) => indicator.code).sort(),
    );
    for (const indicator of expected) {
      const row = sheet.belowTarget.find(
        (entry: { code: string }) => entry.code === indicator.code,
      );
      expect(row).toMatchObject({
        target: indicator.target,
        floor: indicator.floor,
      });
      // Exact decimals with their 2 places (money keeps its fen).
      expect(Number(row.numerator)).toBe(Number(VALUES[indicator.code].numerator));
      expect(Number(row.denominator)).toBe(Number(VALUES[indicator.code].denominator));
      expect(row.gap).toBe(indicator.gap);
    }
    // Largest gap first.
    const gaps = sheet.belowTarget.map((row: { gap: number }) => row.gap);
    expect(gaps).toEqual([...gaps].sort((a: number, b: number) => b - a));

    const items = (
      await api.request('GET', `/rectifications?agencyCode=${COUNTY}&period=${OPEN_PERIOD}`, {
        token: head,
      })
    ).body;
    expect(items.length).toBeGreaterThan(0);
    expect(sheet.rectifications).toEqual(items);

    const warnings = (await api.request('GET', `/warnings?period=${OPEN_PERIOD}`, { token: admin }))
      .body as { agencyCode: string }[];
    expect(sheet.warnings).toEqual(warnings.filter((warning) => warning.agencyCode === COUNTY));
    const badReviews = (
      await api.request('GET', `/bad-reviews?agencyCode=${COUNTY}`, { token: head })
    ).body;
    expect(sheet.badReviews).toEqual(badReviews.counts);

    // The province reads it; a head reads its own agency's only, not even its counties'.
    expect((await sheetOf(admin)).body).toEqual(sheet);
    expect((await sheetOf(await api.login('head-330100'))).status).toBe(403);
  });

  it('is refused to another city’s head and to staff', async () => {
    const other = await sheetOf(await api.login('head-330203'));
    expect(other.status).toBe(403);
    expect((await sheetOf(await api.login(`staff-${COUNTY}-1`))).status).toBe(403);
  });

  it('tells the head once per published version, with its score, rank and items', async () => {
    const sheet = (await sheetOf(head)).body;
    const open = sheet.rectifications.filter((item: { stage: string }) => item.stage !== 'closed');
    const first = await feedbackMessages();
    expect(first).toHaveLength(1);
    expect(first[0].params).toEqual({
      period: OPEN_PERIOD,
      version: 1,
      agencyCode: COUNTY,
      agencyName: '上城区',
      level: 'county',
      score: sheet.score,
      rank: sheet.ranks.inParent.rank,
      of: sheet.ranks.inParent.of,
      count: open.length,
      deadline: open.map((item: { deadline: string }) => item.deadline).sort()[0],
    });

    // Reopened and published again: a new message for the new version, none twice for one.
    const reopened = await api.request('POST', `/periods/${OPEN_PERIOD}/reopen`, {
      token: admin,
      body: { reason: '更正征缴数据' },
    });
    expect(reopened.status).toBe(200);
    expect(await publish()).toBe(2);
    const second = await feedbackMessages();
    expect(second.map((message) => message.params['version'])).toEqual([2, 1]);
    expect((await feedbackMessages(deputy)).map((message) => message.params['version'])).toEqual([
      2, 1,
    ]);
    expect((await sheetOf(head)).body.version).toBe(2);

    // A retried publication of version 2 announces nothing again.
    const notices = api.app.get(FeedbackNoticeService);
    const sent = await api.dataSource.transaction((manager) =>
      notices.announce(manager, { period: OPEN_PERIOD, version: 2 }),
    );
    expect(sent).toBe(0);
    expect(await feedbackMessages()).toHaveLength(2);
  });
});
