import { waitFor } from '@scorecard/server-testing';
import { type ApiTestApp, PUBLISHED_PERIOD, startApiTestApp } from '../support/api-test-app';

interface StoredCase {
  id: string;
  ratingId: string;
  ratedAt: Date;
  channel: string;
  level: number;
  serviceItem: string | null;
  comment: string | null;
  status: string;
}

interface ListedCase {
  id: string;
  ratingId: string;
  status: string;
  stage: string;
  outcome: string | null;
  voidedAs: string | null;
  verifyNote: string | null;
  resolveNote: string | null;
}

const HEADER = '评价编号,机构编码,评价时间,渠道,评价等级,办理事项,评价内容';
const cell = (text: string | null) => (text === null ? '' : `"${text.replace(/"/g, '""')}"`);

/**
 * The demo's published month with closed bad reviews, reopened by the province and its ratings
 * corrected by a file that leaves one closed case's rating out, then puts it back.
 */
describe('a corrected ratings file over a demo month with closed bad reviews', () => {
  let api: ApiTestApp;
  let admin: string;
  let agencyCode: string;
  let cases: StoredCase[];

  /** The agency-month's ratings as a file: its bad reviews but `leftOut`, and a few good ones. */
  const ratingsFile = (leftOut: string | null) =>
    [
      HEADER,
      ...cases
        .filter((item) => item.ratingId !== leftOut)
        .map((item) =>
          [
            item.ratingId,
            agencyCode,
            item.ratedAt.toISOString(),
            item.channel,
            item.level,
            cell(item.serviceItem),
            cell(item.comment),
          ].join(','),
        ),
      ...[1, 2, 3].map(
        (n) => `HCG-${n},${agencyCode},${PUBLISHED_PERIOD}-1${n}T10:00:00+08:00,online,5,,`,
      ),
    ].join('\n') + '\n';

  /** Uploads a ratings file as the province admin (replacing typed figures agreed) and waits for its job. */
  const importRatings = async (content: string) => {
    const form = new FormData();
    form.append('kind', 'ratings');
    form.append('replaceTyped', 'true');
    form.append('file', new Blob([content]), '评价更正.csv');
    const response = await fetch(`${api.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    return waitFor(
      async () => {
        const job = await api.request('GET', `/jobs/${jobId}`, { token: admin });
        return job.body.state === 'completed' || job.body.state === 'failed' ? job.body : undefined;
      },
      { what: 'the import', timeoutMs: 60_000, intervalMs: 200 },
    );
  };

  const listed = async (status: string): Promise<ListedCase[]> => {
    const answer = await api.request(
      'GET',
      `/bad-reviews?period=${PUBLISHED_PERIOD}&agencyCode=${agencyCode}&status=${status}`,
      { token: admin },
    );
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  beforeAll(async () => {
    api = await startApiTestApp({}, { worker: true });
    admin = await api.login('admin');
    // The first county with a closed case in the published month, and all its cases there.
    [{ agencyCode }] = await api.dataSource.query(
      `SELECT agency_code AS "agencyCode" FROM bad_review
        WHERE period = $1 AND status = 'closed' AND rating_id IS NOT NULL
        ORDER BY agency_code LIMIT 1`,
      [PUBLISHED_PERIOD],
    );
    cases = await api.dataSource.query(
      `SELECT id::text AS id, rating_id AS "ratingId", rated_at AS "ratedAt", channel, level,
              service_item AS "serviceItem", comment, status
         FROM bad_review WHERE period = $1 AND agency_code = $2 ORDER BY rating_id`,
      [PUBLISHED_PERIOD, agencyCode],
    );
  });
  afterAll(() => api?.close());

  it('withdraws the closed case left out (its outcome and notes kept), not counted as closed, and closes it again when its rating is back', async () => {
    const target = cases.find((item) => item.status === 'closed') as StoredCase;
    const [before] = (await listed('closed')).filter((item) => item.id === target.id);
    expect(before).toMatchObject({ stage: 'closed', outcome: expect.any(String) });
    expect(before.resolveNote).toEqual(expect.any(String));

    const reopened = await api.request('POST', `/periods/${PUBLISHED_PERIOD}/reopen`, {
      token: admin,
      body: { reason: '好差评系统更正评价数据' },
    });
    expect(reopened.status).toBe(200);

    const without = await importRatings(ratingsFile(target.ratingId));
    expect(without).toMatchObject({ state: 'completed', failedReason: null });
    expect(without.result).toMatchObject({ status: 'applied', rows: cases.length - 1 + 3 });
    expect((await listed('closed')).map((item) => item.id)).not.toContain(target.id);
    expect((await listed('voided')).find((item) => item.id === target.id)).toEqual({
      ...before,
      status: 'voided',
      stage: 'voided',
      voidedAs: 'withdrawn',
      workingDaysLeft: expect.any(Number),
      version: expect.any(Number),
    });

    const back = await importRatings(ratingsFile(null));
    expect(back).toMatchObject({ state: 'completed', failedReason: null });
    expect((await listed('closed')).find((item) => item.id === target.id)).toEqual({
      ...before,
      workingDaysLeft: expect.any(Number),
      version: expect.any(Number),
    });
  });
});
