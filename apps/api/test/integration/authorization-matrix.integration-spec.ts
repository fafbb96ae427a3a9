import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

/**
 * Every write endpoint × every role × where the target agency sits relative to the caller's own
 * (own, child, sibling, parent, another city). The expected status of each cell comes from the
 * rules as the design states them, written out here independently of the application's policy.
 */
type Role = 'province_admin' | 'city_admin' | 'agency_head' | 'staff';
type Relation = 'own' | 'child' | 'sibling' | 'parent' | 'other city';

interface Actor {
  username: string;
  role: Role;
  agency: string;
  targets: Partial<Record<Relation, string>>;
}

const CITY_TARGETS = {
  own: '330100',
  child: '330102',
  sibling: '330200',
  parent: '330000',
  'other city': '330203',
};
const COUNTY_TARGETS = {
  own: '330102',
  sibling: '330105',
  parent: '330100',
  'other city': '330203',
};
const ACTORS: Actor[] = [
  {
    username: 'admin',
    role: 'province_admin',
    agency: '330000',
    targets: { own: '330000', child: '330100' },
  },
  { username: 'cityadmin-330100', role: 'city_admin', agency: '330100', targets: CITY_TARGETS },
  { username: 'head-330100', role: 'agency_head', agency: '330100', targets: CITY_TARGETS },
  { username: 'head-330102', role: 'agency_head', agency: '330102', targets: COUNTY_TARGETS },
  { username: 'staff-330100-1', role: 'staff', agency: '330100', targets: CITY_TARGETS },
  { username: 'staff-330102-1', role: 'staff', agency: '330102', targets: COUNTY_TARGETS },
];

/** Who may do what, by the design: admins within their subtree, heads their own agency. */
function expectedAllowed(endpoint: string, role: Role, relation: Relation): boolean {
  const inSubtree = relation === 'own' || relation === 'child';
  switch (endpoint) {
    case 'PUT submission':
      return role === 'province_admin' || role === 'city_admin'
        ? inSubtree
        : role === 'agency_head' && relation === 'own';
    case 'POST submissions/:agency/approve':
    case 'POST submissions/:agency/return':
    case 'POST submissions/:agency/waive':
      // The province reviews everyone in its subtree; a city only the counties below it.
      return (
        (role === 'province_admin' && inSubtree) || (role === 'city_admin' && relation === 'child')
      );
    default: // user administration
      return (role === 'province_admin' || role === 'city_admin') && inSubtree;
  }
}

const SUCCESS: Record<string, number> = {
  'PUT submission': 200,
  'POST users': 201,
  'PATCH users/:username': 200,
  'POST users/:username/reset-password': 204,
  'POST users/:username/unlock': 204,
  // After the PUT round, so that the allowed targets have a submission to review.
  'POST submissions/:agency/approve': 200,
  'POST submissions/:agency/return': 200,
  'POST submissions/:agency/waive': 204,
};

/** Month management and queued work, which name no agency: the province only. */
const PROVINCE_ONLY: {
  endpoint: string;
  call: (api: ApiTestApp, token: string) => Promise<number>;
  provinceStatus: number;
}[] = [
  // The month is open: the province gets past the policy and meets the month's state instead.
  {
    endpoint: 'POST periods/:period/lock',
    call: (api, token) =>
      api
        .request('POST', `/periods/${OPEN_PERIOD}/lock`, { token, body: { force: true } })
        .then((a) => a.status),
    provinceStatus: 400,
  },
  {
    endpoint: 'POST periods/:period/publish',
    call: (api, token) =>
      api.request('POST', `/periods/${OPEN_PERIOD}/publish`, { token }).then((a) => a.status),
    provinceStatus: 409,
  },
  {
    endpoint: 'POST periods/:period/reopen',
    call: (api, token) =>
      api
        .request('POST', `/periods/${OPEN_PERIOD}/reopen`, { token, body: { reason: '更正' } })
        .then((a) => a.status),
    provinceStatus: 409,
  },
  {
    endpoint: 'POST periods/:period/compute',
    call: (api, token) =>
      api.request('POST', `/periods/${OPEN_PERIOD}/compute`, { token }).then((a) => a.status),
    provinceStatus: 202,
  },
];

const VALUES = {
  satisfaction: { numerator: 90, denominator: 100 },
  first_inquiry: { numerator: 10, denominator: 10 },
};

describe('authorisation matrix', () => {
  let api: ApiTestApp;
  const tokens = new Map<string, string>();
  let created = 0;

  beforeAll(async () => {
    api = await startApiTestApp();
    const admin = await api.login('admin');
    const cityAdmin = await api.request('POST', '/users', {
      token: admin,
      body: {
        username: 'cityadmin-330100',
        displayName: '杭州市医保中心管理员',
        role: 'city_admin',
        agencyCode: '330100',
        password: 'Hangzhou-2026!',
      },
    });
    expect(cityAdmin.status).toBe(201);
    for (const actor of ACTORS) {
      tokens.set(
        actor.username,
        actor.username === 'cityadmin-330100'
          ? await api.firstLogin(actor.username, 'Hangzhou-2026!', 'Hangzhou-Own-2026!')
          : await api.login(actor.username),
      );
    }
  });
  afterAll(() => api.close());

  const currentVersion = async (agencyCode: string): Promise<number | undefined> => {
    const rows = await api.dataSource.query(
      'SELECT version FROM submission WHERE period = $1 AND agency_code = $2',
      [OPEN_PERIOD, agencyCode],
    );
    return rows[0]?.version;
  };

  const call = async (endpoint: string, token: string, target: string): Promise<number> => {
    switch (endpoint) {
      case 'PUT submission': {
        const version = await currentVersion(target);
        return (
          await api.request('PUT', `/submissions/${OPEN_PERIOD}/${target}`, {
            token,
            body: { values: VALUES, version },
          })
        ).status;
      }
      case 'POST users':
        return (
          await api.request('POST', '/users', {
            token,
            body: {
              username: `new-${target}-${created++}`,
              displayName: '新用户',
              role: 'staff',
              agencyCode: target,
              password: 'Correct-Horse-9',
            },
          })
        ).status;
      case 'PATCH users/:username':
        return (
          await api.request('PATCH', `/users/staff-${target}-2`, {
            token,
            body: { displayName: '改名' },
          })
        ).status;
      case 'POST users/:username/reset-password':
        return (
          await api.request('POST', `/users/staff-${target}-3/reset-password`, {
            token,
            body: { password: 'Another-Pass-42' },
          })
        ).status;
      case 'POST users/:username/unlock':
        return (await api.request('POST', `/users/staff-${target}-4/unlock`, { token })).status;
      case 'POST submissions/:agency/approve':
        return (
          await api.request('POST', `/submissions/${OPEN_PERIOD}/${target}/approve`, { token })
        ).status;
      case 'POST submissions/:agency/return':
        return (
          await api.request('POST', `/submissions/${OPEN_PERIOD}/${target}/return`, {
            token,
            body: { reason: '数据有误，请核实' },
          })
        ).status;
      case 'POST submissions/:agency/waive':
        return (
          await api.request('POST', `/submissions/${OPEN_PERIOD}/${target}/waive`, {
            token,
            body: { reason: '机构撤并' },
          })
        ).status;
      default:
        throw new Error(endpoint);
    }
  };

  it('answers every cell exactly as the rules say: 0 escapes', async () => {
    const cells: string[] = [];
    const mismatches: string[] = [];
    for (const endpoint of Object.keys(SUCCESS)) {
      for (const actor of ACTORS) {
        for (const [relation, target] of Object.entries(actor.targets) as [Relation, string][]) {
          const expected = expectedAllowed(endpoint, actor.role, relation)
            ? SUCCESS[endpoint]
            : 403;
          const actual = await call(endpoint, tokens.get(actor.username) as string, target);
          const cell = `${endpoint} · ${actor.username} (${actor.role}) → ${relation} ${target}: expected ${expected}, got ${actual}`;
          cells.push(cell);
          if (actual !== expected) mismatches.push(cell);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toHaveLength(8 * (2 + 5 + 5 + 4 + 5 + 4));
  });

  it('lets only the province manage months and queue computations', async () => {
    const mismatches: string[] = [];
    for (const { endpoint, call: callEndpoint, provinceStatus } of PROVINCE_ONLY) {
      for (const actor of ACTORS) {
        const expected = actor.role === 'province_admin' ? provinceStatus : 403;
        const actual = await callEndpoint(api, tokens.get(actor.username) as string);
        if (actual !== expected)
          mismatches.push(`${endpoint} · ${actor.username}: expected ${expected}, got ${actual}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('lets admins and heads upload imports, not staff (rows outside the uploader’s scope are refused by the importer)', async () => {
    for (const actor of ACTORS) {
      const form = new FormData();
      form.append('kind', 'ratings');
      form.append(
        'file',
        new Blob([
          `agency_code,rated_at,channel,level\n${actor.agency},2026-10-02T10:00:00+08:00,window,5\n`,
        ]),
        'r.csv',
      );
      const response = await fetch(`${api.baseUrl}/api/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.get(actor.username)}` },
        body: form,
      });
      expect({ actor: actor.username, status: response.status }).toEqual({
        actor: actor.username,
        status: actor.role === 'staff' ? 403 : 202,
      });
    }
  });

  /** A scorecard may answer 404 past the policy when the month has no computed results yet. */
  const refusal = ({ status }: { status: number }) => (status === 403 ? 403 : 'allowed');

  it("reads a city's counties' draft table and scorecards: the province and that city's admin only", async () => {
    for (const actor of ACTORS) {
      const token = tokens.get(actor.username);
      const seesHangzhou = actor.role === 'province_admin' || actor.role === 'city_admin';
      const statuses = {
        actor: actor.username,
        hangzhou: (await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county&parent=330100`, { token })).status,
        ningbo: (await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county&parent=330200`, { token })).status,
        shangcheng: refusal(await api.request('GET', `/agencies/330105/scorecard?period=${OPEN_PERIOD}`, { token })),
        haishu: refusal(await api.request('GET', `/agencies/330203/scorecard?period=${OPEN_PERIOD}`, { token })),
      };
      expect(statuses).toEqual({
        actor: actor.username,
        hangzhou: seesHangzhou ? 200 : 403,
        ningbo: actor.role === 'province_admin' ? 200 : 403,
        shangcheng: seesHangzhou ? 'allowed' : 403,
        haishu: actor.role === 'province_admin' ? 'allowed' : 403,
      });
    }
  });

  it('keeps draft results from everyone but the province, while an agency sees its own', async () => {
    for (const actor of ACTORS) {
      const token = tokens.get(actor.username);
      const ranking = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county`, {
        token,
      });
      expect({ actor: actor.username, status: ranking.status }).toEqual({
        actor: actor.username,
        status: actor.role === 'province_admin' ? 200 : 403,
      });
      const published = await api.request('GET', '/rankings?period=2026-09&level=county', {
        token,
      });
      expect(published.status).toBe(200);
      const own = await api.request(
        'GET',
        `/agencies/${actor.agency}/scorecard?period=${OPEN_PERIOD}`,
        { token },
      );
      expect(own.status).not.toBe(403);
    }
    const other = await api.request('GET', `/agencies/330203/scorecard?period=${OPEN_PERIOD}`, {
      token: tokens.get('head-330102'),
    });
    expect(other.status).toBe(403);
  });

  it('never lets a city admin hand out the province role or manage itself out of its role', async () => {
    const token = tokens.get('cityadmin-330100');
    const escalate = await api.request('POST', '/users', {
      token,
      body: {
        username: 'sneaky',
        displayName: 'x',
        role: 'province_admin',
        agencyCode: '330102',
        password: 'Correct-Horse-9',
      },
    });
    expect(escalate.status).toBe(403);
    const self = await api.request('PATCH', '/users/cityadmin-330100', {
      token,
      body: { role: 'province_admin' },
    });
    expect(self.status).toBe(403);
  });

  it('reads submissions: admins in their subtree, heads and staff their own agency only', async () => {
    const read = (username: string, agency: string) =>
      api
        .request('GET', `/submissions/2026-09/${agency}`, { token: tokens.get(username) })
        .then((answer) => answer.status);
    expect(await read('cityadmin-330100', '330102')).toBe(200);
    expect(await read('cityadmin-330100', '330203')).toBe(403);
    expect(await read('head-330102', '330102')).not.toBe(403);
    expect(await read('head-330102', '330105')).toBe(403);
    expect(await read('staff-330102-1', '330102')).not.toBe(403);
    expect(await read('staff-330102-1', '330100')).toBe(403);
  });

  it('never lets the province hand out the national role', async () => {
    const answer = await api.request('POST', '/users', {
      token: tokens.get('admin'),
      body: {
        username: 'nation-2',
        displayName: 'x',
        role: 'national_admin',
        agencyCode: '330000',
        password: 'Correct-Horse-9',
      },
    });
    expect(answer.status).toBe(403);
  });

  it('names the refused permission by its message key, beside the text', async () => {
    const answer = await api.request('PUT', `/submissions/${OPEN_PERIOD}/330105`, {
      token: tokens.get('head-330102'),
      body: { values: {} },
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({
      messageKey: 'access.denied.submission.write',
      message: '只能为权限范围内的机构报送数据',
    });
    const english = await api.request('PUT', `/submissions/${OPEN_PERIOD}/330105`, {
      token: tokens.get('head-330102'),
      body: { values: {} },
      language: 'en',
    });
    expect(english.body).toMatchObject({
      messageKey: 'access.denied.submission.write',
      message: 'You may submit figures only for agencies in your scope',
    });
  });
});
