import { api, login, waitUntil } from '../support/http';

describe('submit → compute → rankings, through the running product', () => {
  let admin: string;
  let openPeriod: string;

  beforeAll(async () => {
    admin = await login('admin');
    const { body } = await api('GET', '/periods', { token: admin });
    openPeriod = body.find((period: { status: string }) => period.status === 'open').period;
  });

  it('is healthy', async () => {
    expect(await api('GET', '/health')).toEqual({ status: 200, body: { status: 'ok', db: 'up', redis: 'up' } });
  });

  it('recomputes the month in the worker after a county head submits, and the ranking shows it', async () => {
    const before = await api('GET', `/rankings?period=${openPeriod}&level=county&parent=330100`, { token: admin });
    // An unreported county with no submission at all (imported records may have left a draft elsewhere).
    let county: string | undefined;
    for (const row of before.body.rows as { agencyCode: string; reported: boolean }[]) {
      if (row.reported) continue;
      const existing = await api('GET', `/submissions/${openPeriod}/${row.agencyCode}`, { token: admin });
      if (existing.status === 404) {
        county = row.agencyCode;
        break;
      }
    }
    if (county === undefined) throw new Error('no county of 330100 is without a submission');
    const head = await login(`head-${county}`);

    // Every indicator at or above its target: the composite must come out at exactly 100.
    const values = {
      enrollment_expansion: { numerator: 10001, denominator: 10000 },
      collection: { numerator: '980000.00', denominator: '1000000.00' },
      annual_inspection: { numerator: 100, denominator: 100 },
      first_inquiry: { numerator: 40, denominator: 40 },
      ab_post: { numerator: 0, denominator: 0 },
      online_reply: { numerator: 950, denominator: 1000 },
      satisfaction: { numerator: 7624, denominator: 8471 },
    };
    const put = await api('PUT', `/submissions/${openPeriod}/${county}`, { token: head, body: { values } });
    expect(put).toEqual({ status: 200, body: { version: 1 } });

    const ranking = await waitUntil(async () => {
      const { body } = await api('GET', `/rankings?period=${openPeriod}&level=county&parent=330100`, { token: admin });
      return body.stale ? undefined : body;
    }, 'the recomputation');
    const row = ranking.rows.find((candidate: { agencyCode: string }) => candidate.agencyCode === county);
    expect(row).toMatchObject({ reported: true, rank: 1, score: 100, grade: 'excellent' });
    expect(row.indicators.ab_post).toMatchObject({ rate: null, score: null });
    expect(row.indicators.enrollment_expansion.rate).toBeCloseTo(1.0001, 12);
  });

  it('runs an explicit computation as a job whose state and progress can be read', async () => {
    const { status, body } = await api('POST', `/periods/${openPeriod}/compute`, { token: admin });
    expect(status).toBe(202);
    const job = await waitUntil(async () => {
      const { body: state } = await api('GET', `/jobs/${body.jobId}`, { token: admin });
      return state.state === 'completed' ? state : undefined;
    }, 'the job');
    expect(job).toMatchObject({ id: body.jobId, state: 'completed', progress: 100 });
  });
});
