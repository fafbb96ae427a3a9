import type { StarCandidateDto, StarStaffDto } from '@scorecard/contracts';
import { StarScheduleService } from '@scorecard/server-months';
import type { HttpAnswer } from '@scorecard/server-testing';
import {
  type ApiTestApp,
  OPEN_PERIOD,
  PUBLISHED_PERIOD,
  startApiTestApp,
} from '../support/api-test-app';

/**
 * The service star of the month (一月一星) on the demo province, in the open month 2026-10. Each
 * rule uses agencies of its own; staff 4 and 5 of every demo agency have never been star, staff 1–3
 * may have been (the demo history), so they are the ones the cooldown concerns.
 */
const P = OPEN_PERIOD;
const DAY_MS = 86_400_000;

describe('service star of the month (一月一星)', () => {
  let api: ApiTestApp;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    api = await startApiTestApp();
  });
  afterAll(() => api.close());

  const token = async (username: string): Promise<string> => {
    const cached = tokens.get(username);
    if (cached) return cached;
    const fresh = await api.login(username);
    tokens.set(username, fresh);
    return fresh;
  };
  const auditCount = async (): Promise<number> =>
    Number((await api.dataSource.query('SELECT count(*) AS count FROM audit_log'))[0].count);

  /** Runs one write as `username`; a success leaves exactly one audit row, a refusal none. */
  const write = async (
    method: string,
    path: string,
    username: string,
    body?: unknown,
  ): Promise<HttpAnswer> => {
    const bearer = await token(username);
    const before = await auditCount();
    const answer = await api.request(method, path, { token: bearer, body });
    expect({ call: `${method} ${path}`, auditRows: (await auditCount()) - before }).toEqual({
      call: `${method} ${path}`,
      auditRows: answer.status < 300 ? 1 : 0,
    });
    return answer;
  };
  const read = async (path: string, username: string): Promise<HttpAnswer> =>
    api.request('GET', path, { token: await token(username) });

  const head = (agency: string) => `head-${agency}`;
  const staff = (agency: string, n: number) => `staff-${agency}-${n}`;
  const nominate = (
    agency: string,
    staffUsername: string,
    extra: Record<string, unknown> = {},
    by = head(agency),
  ) =>
    write('POST', `/stars/${P}/${agency}/candidates`, by, {
      staffUsername,
      post: '窗口服务员',
      reason: '服务热情周到，群众多次致电表扬',
      ...extra,
    });
  const nominateOk = async (agency: string, staffUsername: string): Promise<string> => {
    const answer = await nominate(agency, staffUsername);
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };
  const score = (
    id: string,
    agency: string,
    work: number,
    leader: number,
    attendance: number,
    by = head(agency),
  ) => write('PUT', `/stars/candidates/${id}/scores`, by, { work, leader, attendance });
  const scoreOk = async (
    id: string,
    agency: string,
    work: number,
    leader: number,
    attendance: number,
  ) => expect((await score(id, agency, work, leader, attendance)).status).toBe(200);
  const vote = (voter: string, id: string) => write('POST', `/stars/candidates/${id}/votes`, voter);
  const select = (agency: string, by = head(agency)) =>
    write('POST', `/stars/${P}/${agency}/select`, by);
  const round = async (agency: string, username = head(agency)) => {
    const answer = await read(`/stars/${P}/${agency}`, username);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const candidateOf = (body: { candidates: StarCandidateDto[] }, id: string): StarCandidateDto => {
    const found = body.candidates.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`No candidate ${id} in ${JSON.stringify(body)}`);
    return found;
  };

  describe('the demo history', () => {
    it('has stars in published months only, nobody twice within 12 months', async () => {
      const wall = await read('/stars?limit=5000', 'admin');
      expect(wall.status).toBe(200);
      expect(wall.body.length).toBeGreaterThan(100);
      const periods: { period: string; status: string }[] = (await read('/periods', 'admin')).body;
      const published = new Set(
        periods.filter((p) => p.status === 'published').map((p) => p.period),
      );
      const byPerson = new Map<string, number[]>();
      for (const entry of wall.body as {
        period: string;
        staffUsername: string;
        status: string;
      }[]) {
        expect(published.has(entry.period)).toBe(true);
        expect(entry.status).toBe('confirmed');
        const [year, month] = entry.period.split('-').map(Number);
        byPerson.set(entry.staffUsername, [
          ...(byPerson.get(entry.staffUsername) ?? []),
          year * 12 + month,
        ]);
      }
      // The wall opens on the latest published month: it has plenty of stars.
      const latest = wall.body.filter(
        (entry: { period: string }) => entry.period === PUBLISHED_PERIOD,
      );
      expect(latest.length).toBeGreaterThan(30);
      for (const months of byPerson.values()) {
        const sorted = months.sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++)
          expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(12);
      }
    });
  });

  describe('nomination', () => {
    const agency = '330102';

    it('nominates the agency’s own staff with optional evidence: 201 {id}', async () => {
      const answer = await nominate(agency, staff(agency, 4), {
        evidence: { thankYouLetters: 2, praises: 15 },
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ id: expect.stringMatching(/^[0-9]+$/) });
      const body = await round(agency);
      expect(body).toMatchObject({
        period: P,
        agencyCode: agency,
        agencyName: '上城区',
        status: 'open',
        star: null,
      });
      expect(body.weights).toEqual({ work: 20, peer: 20, leader: 40, attendance: 20 });
      expect(body.candidates).toEqual([
        expect.objectContaining({
          id: answer.body.id,
          staffUsername: staff(agency, 4),
          name: expect.stringMatching(/^[\u4e00-\u9fa5]{2,3}$/),
          post: '窗口服务员',
          reason: '服务热情周到，群众多次致电表扬',
          evidence: { thankYouLetters: 2, praises: 15 },
          scores: { work: null, peer: null, leader: null, attendance: null },
          total: null,
          eligible: true,
          ineligibleReason: null,
        }),
      ]);
    });

    it('answers 400 when the person is not staff of the agency', async () => {
      for (const person of [staff('330105', 1), head(agency), 'admin', 'nobody-here']) {
        const answer = await nominate(agency, person);
        expect({ person, status: answer.status }).toEqual({ person, status: 400 });
        expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'staffUsername' })]);
      }
    });

    it('lets only the agency’s head nominate (403 for staff, other heads, the province)', async () => {
      expect((await nominate(agency, staff(agency, 5), {}, staff(agency, 1))).status).toBe(403);
      expect((await nominate(agency, staff(agency, 5), {}, head('330105'))).status).toBe(403);
      expect((await nominate(agency, staff(agency, 5), {}, head('330100'))).status).toBe(403);
      expect((await nominate(agency, staff(agency, 5), {}, 'admin')).status).toBe(403);
    });

    it('rejects the same person twice (409), unknown fields and missing reasons (400), unknown months (404)', async () => {
      expect((await nominate(agency, staff(agency, 4))).status).toBe(409);
      expect((await nominate(agency, staff(agency, 5), { bonus: 5 })).status).toBe(400);
      expect((await nominate(agency, staff(agency, 5), { evidence: { medals: 1 } })).status).toBe(
        400,
      );
      expect((await nominate(agency, staff(agency, 5), { reason: '   ' })).status).toBe(400);
      expect(
        (
          await write('POST', `/stars/2030-01/${agency}/candidates`, head(agency), {
            staffUsername: staff(agency, 5),
            post: '窗口服务员',
            reason: '服务热情',
          })
        ).status,
      ).toBe(404);
    });
  });

  describe('scores', () => {
    const agency = '330102';
    let id: string;
    beforeAll(async () => {
      id = (await round(agency)).candidates[0].id;
    });

    it('takes work, leader and attendance from the head, each 0–100 with at most 2 decimals', async () => {
      const answer = await score(id, agency, 95.5, 88.25, 100);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        id,
        scores: { work: 95.5, peer: null, leader: 88.25, attendance: 100 },
      });
      // The total includes the peer score: it waits until the ballot closes.
      expect(answer.body.total).toBeNull();
    });

    it.each([
      ['above 100', { work: 100.01, leader: 90, attendance: 90 }],
      ['negative', { work: -1, leader: 90, attendance: 90 }],
      ['three decimals', { work: 90.123, leader: 90, attendance: 90 }],
      ['text', { work: '90', leader: 90, attendance: 90 }],
      ['missing', { work: 90, leader: 90 }],
      ['with an unknown field', { work: 90, leader: 90, attendance: 90, peer: 100 }],
    ])('rejects a score %s (400)', async (_name, body) => {
      expect(
        (await write('PUT', `/stars/candidates/${id}/scores`, head(agency), body)).status,
      ).toBe(400);
    });

    it('is the head’s alone (403), for candidates that exist (404)', async () => {
      expect((await score(id, agency, 90, 90, 90, staff(agency, 1))).status).toBe(403);
      expect((await score(id, agency, 90, 90, 90, head('330105'))).status).toBe(403);
      expect((await score('999999', agency, 90, 90, 90)).status).toBe(404);
      expect((await score('abc', agency, 90, 90, 90)).status).toBe(400);
    });
  });

  describe('weights', () => {
    const agency = '330105';
    let a: string;
    let b: string;

    it('totals work, peer, leader and attendance at 20/20/40/20, peer = 100 × votes / staff who voted', async () => {
      a = await nominateOk(agency, staff(agency, 4));
      b = await nominateOk(agency, staff(agency, 5));
      await scoreOk(a, agency, 90, 80, 100);
      await scoreOk(b, agency, 80, 95, 90);
      for (const [voter, choice] of [
        [1, a],
        [2, a],
        [3, b],
        [4, b],
        [5, a],
      ] as const) {
        expect((await vote(staff(agency, voter), choice)).status).toBe(201);
      }
      // While the ballot is open the totals are sealed (they would give the peer scores away).
      const open = await round(agency);
      expect(open).toMatchObject({ staffCount: 5, voterCount: 5, tallySealed: true });
      expect(candidateOf(open, a)).toMatchObject({ votes: null, total: null });
    });

    it('decide the selection: highest total wins, status becomes publicizing', async () => {
      const answer = await select(agency);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ candidateId: a, total: 82 });
      const body = await round(agency, staff(agency, 2));
      expect(body.status).toBe('publicizing');
      expect(body.star).toMatchObject({
        candidateId: a,
        staffUsername: staff(agency, 4),
        total: 82,
        confirmedAt: null,
      });
      const window = Date.parse(body.star.publicityEndsAt) - Date.parse(body.star.selectedAt);
      expect(window).toBe(5 * DAY_MS);
      // a: 0.2×90 + 0.2×60 + 0.4×80 + 0.2×100 = 82; b: 0.2×80 + 0.2×40 + 0.4×95 + 0.2×90 = 80
      expect(body.tallySealed).toBe(false);
      expect(candidateOf(body, a)).toMatchObject({
        votes: 3,
        scores: { work: 90, peer: 60, leader: 80, attendance: 100 },
        total: 82,
      });
      expect(candidateOf(body, b)).toMatchObject({
        votes: 2,
        scores: { work: 80, peer: 40, leader: 95, attendance: 90 },
        total: 80,
      });
    });

    it('are configurable per scheme by the province only', async () => {
      const rules = {
        weights: { work: 0, peer: 0, leader: 100, attendance: 0 },
        cooldownMonths: 12,
        publicityDays: 5,
      };
      expect((await write('PUT', '/stars/rules/2026', head(agency), rules)).status).toBe(403);
      const zero = { ...rules, weights: { work: 0, peer: 0, leader: 0, attendance: 0 } };
      expect((await write('PUT', '/stars/rules/2026', 'admin', zero)).status).toBe(400);
      expect((await write('PUT', '/stars/rules/2026', 'admin', rules)).status).toBe(200);
      const leaderOnly = await round(agency);
      expect([candidateOf(leaderOnly, a).total, candidateOf(leaderOnly, b).total]).toEqual([
        80, 95,
      ]);

      const defaults = {
        weights: { work: 20, peer: 20, leader: 40, attendance: 20 },
        cooldownMonths: 12,
        publicityDays: 5,
      };
      expect((await write('PUT', '/stars/rules/2026', 'admin', defaults)).status).toBe(200);
      expect((await read('/stars/rules?year=2026', staff(agency, 1))).body).toEqual({
        year: 2026,
        ...defaults,
      });
    });
  });

  describe('one star per agency and month', () => {
    it('refuses a second selection and any change once selected (409)', async () => {
      const agency = '330105';
      const { candidates } = await round(agency);
      expect((await select(agency)).status).toBe(409);
      expect((await nominate(agency, staff(agency, 1))).status).toBe(409);
      expect((await score(candidates[1].id, agency, 100, 100, 100)).status).toBe(409);
    });

    it('refuses to select with nobody nominated, or before every candidate is scored (409)', async () => {
      expect((await select('330113')).status).toBe(409);
      await nominateOk('330113', staff('330113', 4));
      const answer = await select('330113');
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain(staff('330113', 4));
    });

    it('is the head’s to select (403 for staff and other heads)', async () => {
      expect((await select('330113', staff('330113', 1))).status).toBe(403);
      expect((await select('330113', head('330102'))).status).toBe(403);
    });
  });

  describe('ties', () => {
    it('go to the higher leader score', async () => {
      const agency = '330106';
      const a = await nominateOk(agency, staff(agency, 4));
      const b = await nominateOk(agency, staff(agency, 5));
      await scoreOk(a, agency, 100, 80, 80); // 20 + 0 + 32 + 16 = 68
      await scoreOk(b, agency, 80, 90, 80); // 16 + 0 + 36 + 16 = 68
      expect((await select(agency)).body).toEqual({ candidateId: b, total: 68 });
      const body = await round(agency);
      expect([candidateOf(body, a).total, candidateOf(body, b).total]).toEqual([68, 68]);
    });

    it('then to the earlier nomination', async () => {
      const agency = '330108';
      const a = await nominateOk(agency, staff(agency, 4));
      const b = await nominateOk(agency, staff(agency, 5));
      await scoreOk(b, agency, 90, 90, 90);
      await scoreOk(a, agency, 90, 90, 90);
      expect((await select(agency)).body).toEqual({ candidateId: a, total: 72 });
    });
  });

  describe('cooldown', () => {
    const agency = '330110';

    it('lists a star of the last 12 months as ineligible with the reason, and the selection skips them', async () => {
      const history = await read(`/stars?agencyCode=${agency}`, staff(agency, 1));
      expect(history.status).toBe(200);
      expect(history.body.length).toBeGreaterThan(0);
      const last = history.body[0] as { period: string; staffUsername: string };
      expect(
        history.body.every((entry: { agencyCode: string }) => entry.agencyCode === agency),
      ).toBe(true);

      const barred = await nominateOk(agency, last.staffUsername);
      const fresh = await nominateOk(agency, staff(agency, 4));
      await scoreOk(barred, agency, 100, 100, 100);
      await scoreOk(fresh, agency, 60, 60, 60);
      const body = await round(agency);
      expect(candidateOf(body, barred)).toMatchObject({
        eligible: false,
        ineligibleCode: 'cooldown',
        lastStarPeriod: last.period,
        ineligibleReason: expect.stringContaining(last.period),
      });
      expect(candidateOf(body, fresh)).toMatchObject({ eligible: true, ineligibleReason: null });

      // The cooldown is the scheme's: without it the same person would be eligible.
      const rules = {
        weights: { work: 20, peer: 20, leader: 40, attendance: 20 },
        publicityDays: 5,
      };
      expect(
        (await write('PUT', '/stars/rules/2026', 'admin', { ...rules, cooldownMonths: 0 })).status,
      ).toBe(200);
      expect(candidateOf(await round(agency), barred).eligible).toBe(true);
      expect(
        (await write('PUT', '/stars/rules/2026', 'admin', { ...rules, cooldownMonths: 12 })).status,
      ).toBe(200);

      expect((await select(agency)).body).toEqual({ candidateId: fresh, total: 48 });
      const selected = await round(agency);
      expect(candidateOf(selected, barred)).toMatchObject({ eligible: false, total: 80 });
      expect(candidateOf(selected, fresh)).toMatchObject({ eligible: true, total: 48 });
    });

    it('shows the head, before nominating, who was star within the cooldown', async () => {
      const agency = '330182';
      const history = (await read(`/stars?agencyCode=${agency}`, 'admin')).body as {
        period: string;
        staffUsername: string;
      }[];
      expect(history.length).toBeGreaterThan(0);
      const { staff: colleagues }: { staff: StarStaffDto[] } = await round(agency);
      for (const colleague of colleagues) {
        const periods = history
          .filter((entry) => entry.staffUsername === colleague.username)
          .map((entry) => entry.period)
          .sort();
        const last = periods.at(-1) ?? null;
        const monthsAgo = last
          ? (Number(P.slice(0, 4)) - Number(last.slice(0, 4))) * 12 +
            Number(P.slice(5)) -
            Number(last.slice(5))
          : null;
        expect(colleague).toEqual({
          username: colleague.username,
          name: expect.any(String),
          post: colleague.post,
          lastStarPeriod: last,
          eligible: monthsAgo === null || monthsAgo >= 12,
        });
      }
      expect(colleagues.some((colleague) => !colleague.eligible)).toBe(true);
    });

    it('refuses a vote for a candidate inside the cooldown (409, saying why), and counts none', async () => {
      const agency = '330182';
      const { staff: colleagues }: { staff: StarStaffDto[] } = await round(agency);
      const barredPerson = colleagues.find((colleague) => !colleague.eligible);
      if (!barredPerson) throw new Error(`Nobody of ${agency} is inside the cooldown`);
      const barred = await nominateOk(agency, barredPerson.username);
      const voter = colleagues.find((colleague) => colleague.username !== barredPerson.username);
      const answer = await vote(voter?.username ?? '', barred);
      expect(answer.status).toBe(409);
      expect(answer.body.message).toContain(barredPerson.lastStarPeriod);
      expect(answer.body.message).toContain('12 个月内不能再次当选');
      expect(await round(agency)).toMatchObject({ voterCount: 0, votedByMe: false });
    });
  });

  describe('the secret ballot', () => {
    const agency = '330111';
    let a: string;
    let b: string;
    beforeAll(async () => {
      a = await nominateOk(agency, staff(agency, 4));
      b = await nominateOk(agency, staff(agency, 5));
    });

    it('refuses a vote for oneself (400)', async () => {
      const answer = await vote(staff(agency, 4), a);
      expect(answer.status).toBe(400);
    });

    it('takes one vote per staff member and month (409 for a second, for anyone)', async () => {
      expect((await vote(staff(agency, 1), a)).status).toBe(201);
      expect((await vote(staff(agency, 1), a)).status).toBe(409);
      expect((await vote(staff(agency, 1), b)).status).toBe(409);
      expect((await vote(staff(agency, 4), b)).status).toBe(201);
    });

    it('is for staff of that agency only (403), on candidates that exist (404)', async () => {
      expect((await vote(staff('330102', 1), a)).status).toBe(403);
      expect((await vote(head(agency), a)).status).toBe(403);
      expect((await vote('admin', a)).status).toBe(403);
      expect((await vote(staff(agency, 2), '999999')).status).toBe(404);
    });

    it('while voting is open, shows nobody the votes, peer scores or totals, only how many voted', async () => {
      await scoreOk(a, agency, 90, 90, 90);
      await scoreOk(b, agency, 80, 80, 80);
      for (const viewer of [head(agency), staff(agency, 1), staff(agency, 2), 'admin']) {
        const body = await round(agency, viewer);
        expect(body).toMatchObject({ status: 'open', tallySealed: true, voterCount: 2 });
        for (const candidate of body.candidates) {
          expect(candidate).toMatchObject({ votes: null, total: null });
          expect(candidate.scores).toMatchObject({ work: expect.any(Number), peer: null });
        }
      }
    });

    it('tells each voter, and nobody else, whom they voted for', async () => {
      expect((await round(agency, staff(agency, 1))).myVote).toEqual({
        candidateId: a,
        name: candidateOf(await round(agency), a).name,
      });
      expect((await round(agency, staff(agency, 4))).myVote).toEqual({
        candidateId: b,
        name: candidateOf(await round(agency), b).name,
      });
      for (const viewer of [head(agency), staff(agency, 2), 'admin'])
        expect((await round(agency, viewer)).myVote).toBeNull();
    });

    it('shows tallies only: no answer, audit entry or table links a voter to a candidate', async () => {
      for (const viewer of [head(agency), staff(agency, 1), staff(agency, 4), 'admin']) {
        const body = await round(agency, viewer);
        expect(body.voterCount).toBe(2);
        // The staff list (who may vote) is all the answer says of the voters.
        const { staff: colleagues, ...rest } = body;
        expect(JSON.stringify(rest)).not.toContain(staff(agency, 1));
        for (const colleague of colleagues)
          expect(Object.keys(colleague).sort()).toEqual([
            'eligible',
            'lastStarPeriod',
            'name',
            'post',
            'username',
          ]);
        for (const candidate of body.candidates) {
          expect(Object.keys(candidate).sort()).not.toContain('voters');
        }
      }
      expect((await round(agency, staff(agency, 1))).votedByMe).toBe(true);
      expect((await round(agency, staff(agency, 2))).votedByMe).toBe(false);

      const audit = await read(`/audit?username=${staff(agency, 1)}`, 'admin');
      const votes = audit.body.filter((entry: { action: string }) => entry.action === 'star.vote');
      expect(votes).toEqual([
        expect.objectContaining({
          target: `star/${P}/${agency}`,
          before: null,
          after: { voted: true },
        }),
      ]);
      expect(JSON.stringify(votes)).not.toContain(staff(agency, 4));

      const columns: { column_name: string }[] = await api.dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'star_voter' ORDER BY column_name`,
      );
      expect(columns.map((column) => column.column_name)).toEqual([
        'agency_code',
        'period',
        'receipt',
        'username',
      ]);
      // The receipt is sealed: neither the candidate's id nor their username can be read from it.
      const receipts: { receipt: string }[] = await api.dataSource.query(
        `SELECT receipt FROM star_voter WHERE period = $1 AND agency_code = $2`,
        [P, agency],
      );
      expect(receipts).toHaveLength(2);
      for (const { receipt } of receipts) {
        expect([a, b]).not.toContain(receipt);
        expect(receipt).toMatch(/^[A-Za-z0-9+/]+=*$/);
        // 12 bytes of nonce, 16 of tag, then the sealed id.
        expect(Buffer.from(receipt, 'base64').length).toBeGreaterThan(28);
      }
    });

    it('shows the votes, peer scores and totals once the head has selected the star', async () => {
      expect((await select(agency)).body).toEqual({ candidateId: a, total: 82 });
      for (const viewer of [head(agency), staff(agency, 2), 'admin']) {
        const body = await round(agency, viewer);
        expect(body.tallySealed).toBe(false);
        // a: 18 + 0.2×50 + 36 + 18 = 82; b: 16 + 10 + 32 + 16 = 74
        expect(candidateOf(body, a)).toMatchObject({ votes: 1, total: 82 });
        expect(candidateOf(body, a).scores.peer).toBe(50);
        expect(candidateOf(body, b)).toMatchObject({ votes: 1, total: 74 });
      }
    });
  });

  describe('objections', () => {
    it('upheld: the selection is withdrawn and the runner-up can be selected', async () => {
      const agency = '330112';
      const a = await nominateOk(agency, staff(agency, 4));
      const b = await nominateOk(agency, staff(agency, 5));
      await scoreOk(a, agency, 90, 90, 90);
      await scoreOk(b, agency, 80, 80, 80);
      expect((await select(agency)).body).toEqual({ candidateId: a, total: 72 });

      const objectionPath = `/stars/${P}/${agency}/objections`;
      expect(
        (await write('POST', objectionPath, head(agency), { reason: '不符合条件' })).status,
      ).toBe(403);
      expect(
        (await write('POST', objectionPath, staff('330102', 1), { reason: '不符合条件' })).status,
      ).toBe(403);
      expect((await write('POST', objectionPath, staff(agency, 1), { reason: ' ' })).status).toBe(
        400,
      );
      const filed = await write('POST', objectionPath, staff(agency, 1), {
        reason: '该同志本月有群众投诉未处理',
      });
      expect(filed.status).toBe(201);
      const objectionId = filed.body.id as string;
      const pending = await round(agency);
      expect(pending.status).toBe('publicizing');
      expect(pending.objections).toEqual([
        expect.objectContaining({
          id: objectionId,
          candidateId: a,
          status: 'open',
          reason: '该同志本月有群众投诉未处理',
        }),
      ]);
      expect(JSON.stringify(pending.objections)).not.toContain(staff(agency, 1));

      const resolvePath = `/stars/objections/${objectionId}/resolve`;
      expect(
        (await write('POST', resolvePath, staff(agency, 2), { upheld: true, note: '经核实属实' }))
          .status,
      ).toBe(403);
      expect(
        (await write('POST', resolvePath, head('330102'), { upheld: true, note: '经核实属实' }))
          .status,
      ).toBe(403);
      expect(
        (await write('POST', resolvePath, head(agency), { upheld: 'yes', note: '经核实属实' }))
          .status,
      ).toBe(400);
      const resolved = await write('POST', resolvePath, head(agency), {
        upheld: true,
        note: '经核实属实，撤销评选结果',
      });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toEqual({ status: 'open' });
      expect(
        (await write('POST', resolvePath, head(agency), { upheld: false, note: '再次处理' }))
          .status,
      ).toBe(409);

      const reopened = await round(agency);
      expect(reopened).toMatchObject({ status: 'open', star: null });
      expect(candidateOf(reopened, a)).toMatchObject({
        eligible: false,
        ineligibleCode: 'withdrawn',
      });
      expect(reopened.objections[0]).toMatchObject({
        status: 'upheld',
        resolutionNote: '经核实属实，撤销评选结果',
      });
      expect((await read(`/stars?period=${P}&agencyCode=${agency}`, 'admin')).body).toEqual([]);

      expect((await select(agency)).body).toEqual({ candidateId: b, total: 64 });
      const wall = (await read(`/stars?period=${P}&agencyCode=${agency}`, 'admin')).body;
      expect(wall).toEqual([
        expect.objectContaining({
          staffUsername: staff(agency, 5),
          status: 'publicizing',
          total: 64,
        }),
      ]);
    });

    it('dismissed within the window: stays publicizing, confirmed once the window is over', async () => {
      const agency = '330114';
      const a = await nominateOk(agency, staff(agency, 4));
      await scoreOk(a, agency, 90, 90, 90);
      expect((await select(agency)).status).toBe(200);
      const filed = await write('POST', `/stars/${P}/${agency}/objections`, staff(agency, 2), {
        reason: '有异议',
      });
      const dismissed = await write(
        'POST',
        `/stars/objections/${filed.body.id}/resolve`,
        head(agency),
        {
          upheld: false,
          note: '经核实，反映情况不属实',
        },
      );
      expect(dismissed.body).toEqual({ status: 'publicizing' });

      const schedule = api.app.get(StarScheduleService);
      expect(await schedule.confirmDue(new Date())).not.toContainEqual({
        period: P,
        agencyCode: agency,
      });
      // Five days later (only this agency's window is moved, so the other stars stay publicised).
      await api.dataSource.query(
        `UPDATE star_round SET publicity_ends_at = now() - interval '1 minute' WHERE period = $1 AND agency_code = $2`,
        [P, agency],
      );
      expect(await schedule.confirmDue(new Date())).toEqual([{ period: P, agencyCode: agency }]);
      const body = await round(agency);
      expect(body.status).toBe('confirmed');
      expect(body.star.confirmedAt).not.toBeNull();
      expect(
        (
          await write('POST', `/stars/${P}/${agency}/objections`, staff(agency, 2), {
            reason: '有异议',
          })
        ).status,
      ).toBe(409);
    });

    it('open past the window: the star stays publicizing until the ruling, then dismissal confirms it', async () => {
      const agency = '330122';
      const a = await nominateOk(agency, staff(agency, 4));
      await scoreOk(a, agency, 85, 85, 85);
      expect((await select(agency)).status).toBe(200);
      const filed = await write('POST', `/stars/${P}/${agency}/objections`, staff(agency, 3), {
        reason: '评分过程不公开',
      });
      expect(filed.status).toBe(201);

      // The window ends while the objection is still open.
      await api.dataSource.query(
        `UPDATE star_round SET publicity_ends_at = now() - interval '1 minute' WHERE period = $1 AND agency_code = $2`,
        [P, agency],
      );
      const schedule = api.app.get(StarScheduleService);
      expect(await schedule.confirmDue(new Date())).not.toContainEqual({
        period: P,
        agencyCode: agency,
      });
      expect((await round(agency)).status).toBe('publicizing');
      // No new objection once the window is over.
      expect(
        (
          await write('POST', `/stars/${P}/${agency}/objections`, staff(agency, 1), {
            reason: '补充异议',
          })
        ).status,
      ).toBe(409);

      const dismissed = await write(
        'POST',
        `/stars/objections/${filed.body.id}/resolve`,
        head(agency),
        {
          upheld: false,
          note: '评分记录已公开，异议不成立',
        },
      );
      expect(dismissed.body).toEqual({ status: 'confirmed' });
      expect((await round(agency)).status).toBe('confirmed');
    });

    it('can only be filed while a star is publicised (409)', async () => {
      expect(
        (
          await write('POST', `/stars/${P}/330127/objections`, staff('330127', 1), {
            reason: '有异议',
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await write('POST', '/stars/objections/999999/resolve', head('330127'), {
            upheld: true,
            note: '不存在',
          })
        ).status,
      ).toBe(404);
    });
  });

  describe('the star wall', () => {
    it('lists publicised and confirmed stars with the card fields, filterable by month, city and level', async () => {
      const month = await read(`/stars?period=${PUBLISHED_PERIOD}`, staff('330102', 1));
      expect(month.status).toBe(200);
      expect(month.body.length).toBeGreaterThan(10);
      for (const entry of month.body) {
        expect(entry).toEqual({
          period: PUBLISHED_PERIOD,
          agencyCode: expect.stringMatching(/^33[0-9]{4}$/),
          agencyName: expect.any(String),
          level: expect.stringMatching(/^(province|city|county)$/),
          parentCode: entry.level === 'province' ? null : expect.any(String),
          staffUsername: expect.stringMatching(/^staff-33[0-9]{4}-[1-3]$/),
          name: expect.any(String),
          post: expect.any(String),
          reason: expect.any(String),
          scores: {
            work: expect.any(Number),
            peer: expect.any(Number),
            leader: expect.any(Number),
            attendance: expect.any(Number),
          },
          total: expect.any(Number),
          status: 'confirmed',
          publicityEndsAt: expect.any(String),
        });
      }
      const hangzhou = (await read(`/stars?period=${PUBLISHED_PERIOD}&cityCode=330200`, 'admin'))
        .body;
      expect(hangzhou.length).toBeGreaterThan(0);
      expect(
        hangzhou.every((entry: { agencyCode: string }) => entry.agencyCode.startsWith('3302')),
      ).toBe(true);
      const counties = (await read(`/stars?period=${PUBLISHED_PERIOD}&level=county`, 'admin')).body;
      expect(counties.every((entry: { level: string }) => entry.level === 'county')).toBe(true);

      const open = (await read(`/stars?period=${P}&cityCode=330100`, 'admin')).body;
      expect(
        open.map((entry: { agencyCode: string; status: string }) => [
          entry.agencyCode,
          entry.status,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['330105', 'publicizing'],
          ['330114', 'confirmed'],
        ]),
      );
      expect((await read('/stars?cityCode=abc', 'admin')).status).toBe(400);
      expect((await read('/stars?level=village', 'admin')).status).toBe(400);
    });

    it('gives the history of one person', async () => {
      const someone = (await read(`/stars?period=${PUBLISHED_PERIOD}`, 'admin')).body[0]
        .staffUsername as string;
      const history = (await read(`/stars?staffUsername=${someone}`, 'admin')).body;
      expect(history.length).toBeGreaterThan(0);
      expect(
        history.every((entry: { staffUsername: string }) => entry.staffUsername === someone),
      ).toBe(true);
    });

    it('pages the wall with page and pageSize, with the total the filters match, keeping the filters', async () => {
      const all = (await read('/stars?limit=5000', staff('330102', 1))).body as {
        period: string;
        agencyCode: string;
      }[];
      expect(all.length).toBeGreaterThan(30);
      const first = await read('/stars?page=1&pageSize=12', staff('330102', 1));
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ total: all.length, page: 1, pageSize: 12 });
      expect(first.body.rows).toEqual(all.slice(0, 12));
      const third = (await read('/stars?page=3&pageSize=12', staff('330102', 1))).body;
      expect(third.rows).toEqual(all.slice(24, 36));
      const beyond = Math.ceil(all.length / 12) + 1;
      expect((await read(`/stars?page=${beyond}&pageSize=12`, 'admin')).body).toMatchObject({
        rows: [],
        total: all.length,
      });

      const filtered = all.filter(
        (entry) => entry.period === PUBLISHED_PERIOD && entry.agencyCode.startsWith('3301'),
      );
      const page = (
        await read(`/stars?period=${PUBLISHED_PERIOD}&cityCode=330100&page=1&pageSize=5`, 'admin')
      ).body;
      expect(page.total).toBe(filtered.length);
      expect(page.rows).toEqual(filtered.slice(0, 5));

      for (const bad of ['page=0&pageSize=12', 'pageSize=0', 'pageSize=201', 'page=x&pageSize=5']) {
        expect((await read(`/stars?${bad}`, 'admin')).status).toBe(400);
      }
    });

    it('shows the province which agencies named no star for a month', async () => {
      const answer = await read(`/stars/participation?period=${PUBLISHED_PERIOD}`, 'admin');
      expect(answer.status).toBe(200);
      const agencies = Number(
        (await api.dataSource.query('SELECT count(*) AS count FROM agency'))[0].count,
      );
      const wall = (await read(`/stars?period=${PUBLISHED_PERIOD}`, 'admin')).body;
      expect(answer.body).toMatchObject({ period: PUBLISHED_PERIOD, agencies, named: wall.length });
      expect(answer.body.missing).toHaveLength(agencies - wall.length);
      const named = new Set(wall.map((entry: { agencyCode: string }) => entry.agencyCode));
      for (const missing of answer.body.missing) expect(named.has(missing.agencyCode)).toBe(false);
      expect(
        (await read(`/stars/participation?period=${PUBLISHED_PERIOD}`, head('330100'))).status,
      ).toBe(403);
    });
  });

  describe('notifications', () => {
    it('tell heads that nominations are open, staff that voting is open and who is star, heads of objections', async () => {
      const kindsOf = async (username: string) =>
        (
          (await read('/notifications', username)).body.items as {
            kind: string;
            params: { period: string };
          }[]
        )
          .filter((item) => item.params.period === P)
          .map((item) => item.kind);
      expect(await kindsOf(head('330105'))).toEqual(
        expect.arrayContaining(['star.nomination_opened', 'star.selected']),
      );
      expect(await kindsOf(staff('330105', 1))).toEqual(
        expect.arrayContaining(['star.voting_open', 'star.selected']),
      );
      expect(await kindsOf(head('330112'))).toContain('star.objection_filed');
      // One "voting open" per person and month, however many are nominated.
      expect(
        (await kindsOf(staff('330105', 2))).filter((kind) => kind === 'star.voting_open'),
      ).toHaveLength(1);
    });

    it('are the caller’s own; marking one or all read lowers the unread badge', async () => {
      const mine = (await read('/notifications', staff('330105', 1))).body;
      expect(mine.unread).toBeGreaterThan(0);
      const first = mine.items[0];
      const marked = await write('POST', `/notifications/${first.id}/read`, staff('330105', 1));
      expect(marked.status).toBe(200);
      expect(marked.body).toEqual({ unread: mine.unread - 1 });
      expect(
        (await write('POST', `/notifications/${first.id}/read`, staff('330105', 2))).status,
      ).toBe(404);
      expect((await write('POST', '/notifications/read-all', staff('330105', 1))).body).toEqual({
        unread: 0,
      });
      expect((await read('/notifications', staff('330105', 1))).body.unread).toBe(0);
      expect((await api.request('GET', '/notifications')).status).toBe(401);
    });
  });
});
