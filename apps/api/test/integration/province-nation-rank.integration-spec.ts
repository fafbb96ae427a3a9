import { type ApiTestApp, PUBLISHED_PERIOD, startApiTestApp } from '../support/api-test-app';

/** A province's own deployment has no nation above it: no national rank is claimed. */
describe('national rank in a province deployment', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
  });
  afterAll(() => api.close());

  it("answers inNation as null on a county's scorecard and stores no national rank", async () => {
    const token = await api.login('admin');
    const { status, body } = await api.request(
      'GET',
      `/agencies/330102/scorecard?period=${PUBLISHED_PERIOD}`,
      {
        token,
      },
    );
    expect(status).toBe(200);
    expect(body.ranks.inLevel.rank).not.toBeNull();
    expect(body.ranks.inNation).toBeNull();
    const [stored] = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE rank_in_nation IS NOT NULL OR nation_size IS NOT NULL)::int AS n FROM agency_result`,
    );
    expect(stored.n).toBe(0);
  });
});
