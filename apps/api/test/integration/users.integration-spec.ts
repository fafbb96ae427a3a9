import ExcelJS from 'exceljs';
import { encode } from 'iconv-lite';
import type { HttpAnswer } from '@scorecard/server-testing';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

/** People management: accounts an administrator makes must change their password first; bulk import is all or nothing. */
describe('user administration and first-login password change', () => {
  let api: ApiTestApp;
  let admin: string;
  let cityAdmin: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
    const created = await api.request('POST', '/users', {
      token: admin,
      body: {
        username: 'hz-admin',
        displayName: '杭州市管理员',
        role: 'city_admin',
        agencyCode: '330100',
        password: 'Hangzhou-Start-1',
      },
    });
    expect(created.status).toBe(201);
    cityAdmin = await api.firstLogin('hz-admin', 'Hangzhou-Start-1', 'Hangzhou-Own-2026');
  });
  afterAll(() => api.close());

  const upload = async (
    token: string,
    file: { name: string; content: Buffer | string },
    language = 'zh-CN',
  ): Promise<HttpAnswer> => {
    const form = new FormData();
    form.append('file', new Blob([file.content]), file.name);
    const response = await fetch(`${api.baseUrl}/api/users/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'accept-language': language },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as HttpAnswer['body'] };
  };

  const userRow = async (username: string) =>
    (
      await api.dataSource.query(
        'SELECT username, must_change_password FROM app_user WHERE username = $1',
        [username],
      )
    )[0];

  describe('first-login password change', () => {
    const create = (username: string) =>
      api.request('POST', '/users', {
        token: admin,
        body: {
          username,
          displayName: '王芳',
          role: 'staff',
          agencyCode: '330102',
          password: 'Initial-Pass-1',
        },
      });

    it('answers mustChangePassword at login for an account an administrator created, not for a demo account', async () => {
      expect((await create('wang.fang')).status).toBe(201);
      const login = await api.request('POST', '/auth/login', {
        body: { username: 'wang.fang', password: 'Initial-Pass-1' },
      });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ username: 'wang.fang', mustChangePassword: true });
      const demo = await api.request('POST', '/auth/login', {
        body: { username: 'head-330102', password: 'demo' },
      });
      expect(demo.body.user.mustChangePassword).toBe(false);
    });

    it('answers 403 auth.password_change_required to every other call until the password is changed, then lets it through', async () => {
      const login = await api.request('POST', '/auth/login', {
        body: { username: 'wang.fang', password: 'Initial-Pass-1' },
      });
      const token = login.body.accessToken as string;
      for (const path of [
        '/periods',
        '/agencies',
        '/rankings?period=2026-09&level=county',
        '/stars?period=2026-09',
      ]) {
        const answer = await api.request('GET', path, { token });
        expect({ path, status: answer.status, key: answer.body.messageKey }).toEqual({
          path,
          status: 403,
          key: 'auth.password_change_required',
        });
      }

      const tooWeak = await api.request('POST', '/auth/password', {
        token,
        body: { currentPassword: 'Initial-Pass-1', newPassword: 'short' },
      });
      expect(tooWeak.status).toBe(400);
      expect(tooWeak.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
      const same = await api.request('POST', '/auth/password', {
        token,
        body: { currentPassword: 'Initial-Pass-1', newPassword: 'Initial-Pass-1' },
      });
      expect(same.status).toBe(400);
      expect(same.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
      const wrong = await api.request('POST', '/auth/password', {
        token,
        body: { currentPassword: 'Not-The-Pass-9', newPassword: 'Wang-Fang-Own-7' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
      expect((await userRow('wang.fang')).must_change_password).toBe(true);

      const changed = await api.request('POST', '/auth/password', {
        token,
        body: { currentPassword: 'Initial-Pass-1', newPassword: 'Wang-Fang-Own-7' },
      });
      expect(changed.status).toBe(200);
      expect((await api.request('GET', '/periods', { token })).status).toBe(200);
      expect((await userRow('wang.fang')).must_change_password).toBe(false);
      const again = await api.request('POST', '/auth/login', {
        body: { username: 'wang.fang', password: 'Wang-Fang-Own-7' },
      });
      expect(again.body.user.mustChangePassword).toBe(false);
      const audit = await api.dataSource.query(
        "SELECT username, after FROM audit_log WHERE action = 'auth.password_change' AND target = 'user/wang.fang'",
      );
      expect(audit).toEqual([
        { username: 'wang.fang', after: expect.objectContaining({ mustChangePassword: false }) },
      ]);
      expect(JSON.stringify(audit)).not.toContain('Wang-Fang-Own-7');
    });

    it('keeps logout and refresh open before the change, and ends the other sessions of the account when it is done', async () => {
      expect((await create('zhao.lei')).status).toBe(201);
      const first = (
        await api.request('POST', '/auth/login', {
          body: { username: 'zhao.lei', password: 'Initial-Pass-1' },
        })
      ).body;
      const second = (
        await api.request('POST', '/auth/login', {
          body: { username: 'zhao.lei', password: 'Initial-Pass-1' },
        })
      ).body;
      const third = (
        await api.request('POST', '/auth/login', {
          body: { username: 'zhao.lei', password: 'Initial-Pass-1' },
        })
      ).body;
      const refreshed = await api.request('POST', '/auth/refresh', {
        body: { refreshToken: second.refreshToken },
      });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.user.mustChangePassword).toBe(true);
      expect((await api.request('POST', '/auth/logout', { token: third.accessToken })).status).toBe(
        204,
      );

      const changed = await api.request('POST', '/auth/password', {
        token: first.accessToken,
        body: { currentPassword: 'Initial-Pass-1', newPassword: 'Zhao-Lei-Own-7' },
      });
      expect(changed.status).toBe(200);
      expect((await api.request('GET', '/periods', { token: first.accessToken })).status).toBe(200);
      expect(
        (await api.request('GET', '/periods', { token: refreshed.body.accessToken })).status,
      ).toBe(401);
    });

    it('generates the initial password of a new account when the administrator gives none, and answers it once', async () => {
      const created = await api.request('POST', '/users', {
        token: admin,
        body: { username: 'qian.yu', displayName: '钱玉', role: 'staff', agencyCode: '330102' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        username: 'qian.yu',
        mustChangePassword: true,
        locked: false,
      });
      const login = await api.request('POST', '/auth/login', {
        body: { username: 'qian.yu', password: created.body.initialPassword },
      });
      expect(login.status).toBe(200);
      expect(login.body.user.mustChangePassword).toBe(true);
      const listed = (await api.request('GET', '/users?agencyCode=330102', { token: admin }))
        .body as object[];
      expect(JSON.stringify(listed)).not.toContain(created.body.initialPassword);
    });

    it('asks a password reset by an administrator to be changed again; a generated one is answered once', async () => {
      const reset = await api.request('POST', '/users/wang.fang/reset-password', {
        token: admin,
        body: {},
      });
      expect(reset.status).toBe(200);
      const initialPassword = reset.body.initialPassword as string;
      expect(initialPassword).toMatch(/^\S{12}$/);
      const login = await api.request('POST', '/auth/login', {
        body: { username: 'wang.fang', password: initialPassword },
      });
      expect(login.body.user.mustChangePassword).toBe(true);
      expect((await api.request('GET', '/periods', { token: login.body.accessToken })).status).toBe(
        403,
      );
      const audit = await api.dataSource.query(
        "SELECT after FROM audit_log WHERE action = 'user.reset_password' AND target = 'user/wang.fang'",
      );
      expect(JSON.stringify(audit)).not.toContain(initialPassword);
    });
  });

  describe('GET /users', () => {
    it('lists the state of each account: must-change, disabled, locked', async () => {
      for (let i = 0; i < 10; i++) {
        await api.request('POST', '/auth/login', {
          body: { username: 'staff-330102-2', password: 'wrong' },
        });
      }
      const { status, body } = await api.request('GET', '/users?agencyCode=330102', {
        token: admin,
      });
      expect(status).toBe(200);
      const byName = new Map((body as { username: string }[]).map((user) => [user.username, user]));
      expect(byName.get('wang.fang')).toMatchObject({
        mustChangePassword: true,
        locked: false,
        disabled: false,
      });
      expect(byName.get('staff-330102-2')).toMatchObject({
        mustChangePassword: false,
        locked: true,
      });
      expect(byName.get('staff-330102-1')).toMatchObject({
        mustChangePassword: false,
        locked: false,
      });
    });

    it("gives a city admin its city's users only: 403 for another city", async () => {
      const own = await api.request('GET', '/users', { token: cityAdmin });
      expect(own.status).toBe(200);
      const codes = new Set((own.body as { agencyCode: string }[]).map((user) => user.agencyCode));
      expect([...codes].every((code) => code.startsWith('3301'))).toBe(true);
      expect(codes.has('330102')).toBe(true);
      expect(
        (await api.request('GET', '/users?agencyCode=330200', { token: cityAdmin })).status,
      ).toBe(403);
      expect(
        (await api.request('GET', '/users', { token: await api.login('head-330102') })).status,
      ).toBe(403);
    });
  });

  describe('POST /users/import', () => {
    const csv = (lines: string[]) => ({
      name: 'accounts.csv',
      content: `${lines.join('\r\n')}\r\n`,
    });

    it('creates every account of a valid XLSX with Chinese headers and role names, each with an initial password to change', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('账号');
      sheet.addRow(['用户名', '姓名', '角色', '机构编码', '岗位']);
      sheet.addRow(['chen.jing', '陈静', '工作人员', '330105', '综合柜员']);
      sheet.addRow(['liu.yang', '刘洋', '负责人', 330106, '']);
      const content = Buffer.from(await workbook.xlsx.writeBuffer());
      const { status, body } = await upload(admin, { name: '账号.xlsx', content });
      expect(status).toBe(201);
      expect(body.created).toEqual([
        {
          username: 'chen.jing',
          displayName: '陈静',
          role: 'staff',
          agencyCode: '330105',
          post: '综合柜员',
          initialPassword: expect.any(String),
        },
        {
          username: 'liu.yang',
          displayName: '刘洋',
          role: 'agency_head',
          agencyCode: '330106',
          post: null,
          initialPassword: expect.any(String),
        },
      ]);
      const login = await api.request('POST', '/auth/login', {
        body: { username: 'liu.yang', password: body.created[1].initialPassword },
      });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({
        role: 'agency_head',
        agencyCode: '330106',
        mustChangePassword: true,
      });
      const audit = await api.dataSource.query(
        "SELECT username, after FROM audit_log WHERE action = 'user.import'",
      );
      expect(audit).toHaveLength(1);
      expect(audit[0].username).toBe('admin');
      expect(JSON.stringify(audit)).not.toContain(body.created[0].initialPassword);
    });

    it('reads a GBK CSV with codes for roles', async () => {
      const content = encode(
        'username,name,role,agency_code,post\r\nsun.li,孙丽,staff,330108,窗口\r\n',
        'gbk',
      );
      const { status, body } = await upload(admin, { name: 'accounts.csv', content });
      expect(status).toBe(201);
      expect(body.created).toEqual([
        expect.objectContaining({ username: 'sun.li', displayName: '孙丽', post: '窗口' }),
      ]);
    });

    it("refuses the whole file for one bad row, naming the row as Excel shows it, in the caller's language", async () => {
      const file = csv([
        '用户名,姓名,角色,机构编码,岗位',
        'zhou.min,周敏,工作人员,330102,',
        'wu.gang,吴刚,工作人员,339999,',
      ]);
      const zh = await upload(admin, file, 'zh-CN');
      expect(zh.status).toBe(400);
      expect(zh.body.errors).toEqual([
        { row: 3, field: '机构编码', message: '机构 339999 不存在' },
      ]);
      const en = await upload(admin, file, 'en');
      expect(en.body.errors).toEqual([
        { row: 3, field: '机构编码', message: 'agency 339999 does not exist' },
      ]);
      expect(await userRow('zhou.min')).toBeUndefined();
    });

    it('names every bad row: bad username, duplicate in the file, taken, unknown role', async () => {
      const { status, body } = await upload(
        admin,
        csv([
          'username,name,role,agency_code,post',
          'a b,甲,staff,330102,',
          'he.ping,何平,staff,330102,',
          'he.ping,何平,staff,330102,',
          'chen.jing,陈静,staff,330102,',
          'xu.tao,徐涛,大队长,330102,',
        ]),
        'en',
      );
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        { row: 2, field: 'username', message: expect.stringContaining('not a valid username') },
        { row: 4, field: 'username', message: 'the username "he.ping" is already in row 3' },
        { row: 6, field: 'role', message: expect.stringContaining('unknown role "大队长"') },
      ]);
      const taken = await upload(
        admin,
        csv([
          'username,name,role,agency_code,post',
          'he.ping,何平,staff,330102,',
          'chen.jing,陈静,staff,330102,',
        ]),
        'en',
      );
      expect(taken.status).toBe(400);
      expect(taken.body.errors).toEqual([
        { row: 3, field: 'username', message: 'the username "chen.jing" is taken' },
      ]);
      expect(await userRow('he.ping')).toBeUndefined();
    });

    it("refuses a city admin's file naming an agency of another city, or a role above its own", async () => {
      const { status, body } = await upload(
        cityAdmin,
        csv([
          'username,name,role,agency_code,post',
          'ok.one,甲,staff,330102,',
          'far.away,乙,staff,330203,',
          'too.high,丙,province_admin,330102,',
        ]),
        'en',
      );
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        { row: 3, field: 'agency_code', message: 'agency 330203 is outside your scope' },
        { row: 4, field: 'role', message: 'you may not assign the role "province_admin"' },
      ]);
      expect(await userRow('ok.one')).toBeUndefined();
      const fine = await upload(
        cityAdmin,
        csv(['username,name,role,agency_code,post', 'ok.one,甲,staff,330102,']),
        'en',
      );
      expect(fine.status).toBe(201);
    });

    it('answers 403 to those who manage no users, and 400 to a missing column or an unreadable file', async () => {
      const head = await api.login('head-330102');
      expect(
        (await upload(head, csv(['username,name,role,agency_code', 'x.y,甲,staff,330102']))).status,
      ).toBe(403);
      const missing = await upload(
        admin,
        csv(['username,name,agency_code', 'x.y,甲,330102']),
        'en',
      );
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        { row: 1, field: 'role', message: 'missing column role / 角色' },
      ]);
      const notXlsx = await upload(
        admin,
        { name: 'accounts.xlsx', content: 'not a workbook' },
        'en',
      );
      expect(notXlsx.status).toBe(400);
      expect(notXlsx.body.errors[0].message).toContain('the file cannot be read');
    });

    it('refuses a file over the size cap', async () => {
      const big = `username,name,role,agency_code,post\r\n${'x'.repeat(3 * 1024 * 1024)}`;
      const { status } = await upload(admin, { name: 'big.csv', content: big });
      expect(status).toBe(413);
    });
  });
});
