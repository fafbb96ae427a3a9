import ExcelJS from 'exceljs';
import { PeriodScheduleService } from '@scorecard/server-months';
import type { HttpAnswer } from '@scorecard/server-testing';
import {
  type ApiTestApp,
  OPEN_PERIOD,
  PUBLISHED_PERIOD,
  startApiTestApp,
} from '../support/api-test-app';

describe('working-day calendar (GET/PUT /calendar/:year, import)', () => {
  let api: ApiTestApp;
  let admin: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  const put = (body: unknown, token = admin, year = 2026) =>
    api.request('PUT', `/calendar/${year}`, { token, body });
  const get = (year = 2026) => api.request('GET', `/calendar/${year}`, { token: admin });
  const dueDateOf = async (period: string): Promise<string> => {
    const { body } = await api.request('GET', '/periods', { token: admin });
    return (
      (body as { period: string; dueDate: string }[]).find((month) => month.period === period)
        ?.dueDate ?? ''
    );
  };
  const upload = (
    file: { name: string; content: string | Uint8Array },
    token = admin,
    year = 2026,
  ) => {
    const form = new FormData();
    form.append('file', new Blob([file.content]), file.name);
    return fetch(`${api.baseUrl}/api/calendar/${year}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as HttpAnswer['body'],
    }));
  };

  it('answers an empty year when nothing is entered (only weekends are off)', async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body).toEqual({ year: 2026, holidays: [], workdays: [] });
  });

  it('replaces the whole year on PUT, answers it as GET does, and audits before and after', async () => {
    const first = await put({ holidays: ['2026-10-02', '2026-10-01'], workdays: ['2026-10-10'] });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      year: 2026,
      holidays: ['2026-10-01', '2026-10-02'],
      workdays: ['2026-10-10'],
    });
    const read = await get();
    expect(read.body).toEqual(first.body);

    // GET → edit → PUT round trip: what GET answers, less `year`, is what PUT takes.
    const edited = {
      holidays: read.body.holidays as string[],
      workdays: read.body.workdays as string[],
    };
    expect(Object.keys(read.body).sort()).toEqual(['holidays', 'workdays', 'year']);
    edited.holidays = ['2026-01-01'];
    const second = await put(edited);
    expect(second.status).toBe(200);
    expect((await get()).body).toEqual({
      year: 2026,
      holidays: ['2026-01-01'],
      workdays: ['2026-10-10'],
    });
    expect((await get(2027)).body).toEqual({ year: 2027, holidays: [], workdays: [] });

    const audit = await api.request('GET', '/audit?username=admin', { token: admin });
    const entries = (
      audit.body as {
        action: string;
        target: string;
        before: unknown;
        after: { holidays: string[] };
      }[]
    ).filter((entry) => entry.action === 'calendar.put');
    expect(entries[0]).toMatchObject({
      target: 'calendar/2026',
      before: { holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] },
      after: { holidays: ['2026-01-01'], workdays: ['2026-10-10'] },
    });
    expect(entries[1]).toMatchObject({ before: { holidays: [], workdays: [] } });
  });

  it.each<[string, unknown, string]>([
    ['a date that does not exist', { holidays: ['2026-02-30'], workdays: [] }, 'holidays[0]'],
    ['a date not written YYYY-MM-DD', { holidays: ['2026/10/01'], workdays: [] }, 'holidays[0]'],
    ['a date outside the year', { holidays: [], workdays: ['2025-12-27'] }, 'workdays[0]'],
    [
      'a date both holiday and workday',
      { holidays: ['2026-10-10'], workdays: ['2026-10-10'] },
      'workdays[0]',
    ],
    ['an unknown field', { holidays: [], workdays: [], notes: 'x' }, 'notes'],
    ['a missing list', { holidays: [] }, 'workdays'],
    ['a list of numbers', { holidays: [20261001], workdays: [] }, 'holidays'],
  ])(
    'refuses %s with 400 and its field, and keeps the year as it was',
    async (_case, body, field) => {
      const before = (await get()).body;
      const { status, body: answer } = await put(body);
      expect(status).toBe(400);
      expect(answer.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect((await get()).body).toEqual(before);
    },
  );

  it('refuses a year that is not one, and anyone but the province', async () => {
    expect((await api.request('GET', '/calendar/26', { token: admin })).status).toBe(400);
    expect((await put({ holidays: [], workdays: [] }, admin, 1999)).status).toBe(400);
    expect((await api.request('GET', '/calendar/2026')).status).toBe(401);
    const callers = [
      await api.login('city-330100'),
      await api.login('head-330100'),
      await api.login('head-330102'),
      await api.login('staff-330102-1'),
    ];
    for (const token of callers) {
      expect((await api.request('GET', '/calendar/2026', { token })).status).toBe(200);
      expect((await put({ holidays: ['2026-05-01'], workdays: [] }, token)).status).toBe(403);
      expect(
        (await upload({ name: 'c.csv', content: '日期,类型\n2026-05-01,节假日\n' }, token)).status,
      ).toBe(403);
    }
    expect((await get()).body.holidays).not.toContain('2026-05-01');
  });

  it('queues replacements made at once: each answers 200 and the year ends as one of them', async () => {
    const bodies = Array.from({ length: 6 }, (_, index) => ({
      holidays: [`2026-05-0${index + 1}`, '2026-10-01'],
      workdays: index % 2 === 0 ? ['2026-10-10'] : [],
    }));
    const answers = await Promise.all(
      bodies.flatMap((body, index) => [
        put(body),
        put({ holidays: [], workdays: [] }, admin, 2027 + (index % 2)),
      ]),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const stored = (await get()).body as { year?: number; holidays: string[]; workdays: string[] };
    delete stored.year;
    expect(bodies).toContainEqual(stored);
  });

  it('imports a CSV with Chinese headers, replacing the year', async () => {
    const csv =
      '日期,类型,说明\n2026-10-01,节假日,国庆节\n2026/10/2,节假日,\n2026-10-10,调休上班,\n';
    const { status, body } = await upload({ name: '2026年日历.csv', content: csv });
    expect(status).toBe(200);
    expect(body).toEqual({
      year: 2026,
      holidays: ['2026-10-01', '2026-10-02'],
      workdays: ['2026-10-10'],
    });
    expect((await get()).body).toEqual(body);
  });

  it('imports an XLSX with date cells and English headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('calendar');
    sheet.addRow(['date', 'type']);
    sheet.addRow([new Date(Date.UTC(2026, 4, 1)), 'holiday']);
    sheet.addRow([new Date(Date.UTC(2026, 4, 9)), 'workday']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { status, body } = await upload({ name: 'calendar.xlsx', content: bytes });
    expect(status).toBe(200);
    expect(body).toEqual({ year: 2026, holidays: ['2026-05-01'], workdays: ['2026-05-09'] });
  });

  it('imports all or nothing, naming each bad row as Excel shows it', async () => {
    const before = (await get()).body;
    const csv = [
      '日期,类型', // row 1
      '2026-10-01,节假日', // row 2
      '', // row 3: blank, still counted by Excel
      '2026-10-02,休息日', // row 4: unknown type
      '2027-01-01,节假日', // row 5: another year
      '2026-10-01,调休上班', // row 6: listed already
      '2026-02-30,节假日', // row 7: no such day
    ].join('\n');
    const { status, body } = await upload({ name: 'bad.csv', content: csv });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ row: 4, field: '类型' }),
      expect.objectContaining({
        row: 5,
        field: '日期',
        message: expect.stringContaining('不在 2026 年内'),
      }),
      expect.objectContaining({
        row: 6,
        field: '日期',
        message: expect.stringContaining('已在第 2 行列出'),
      }),
      expect.objectContaining({ row: 7, field: '日期' }),
    ]);
    expect((await get()).body).toEqual(before);
    const noHeader = await upload({ name: 'c.csv', content: 'day,kind\n2026-10-01,holiday\n' });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.errors).toEqual([
      expect.objectContaining({ row: 1, field: '日期' }),
      expect.objectContaining({ row: 1, field: '类型' }),
    ]);
    expect((await upload({ name: 'c.pdf', content: 'x' })).status).toBe(400);
    expect((await get()).body).toEqual(before);
  });

  it('a holiday on the due day moves an open month’s due date, and the reminder job treats it as not yet overdue', async () => {
    const schedule = api.app.get(PeriodScheduleService);
    await put({ holidays: [], workdays: [] });
    expect(await dueDateOf(OPEN_PERIOD)).toBe('2026-11-05');
    expect(await dueDateOf(PUBLISHED_PERIOD)).toBe('2026-10-05');

    // 5 and 6 November become holidays: October is now due on Monday 9 November.
    const changed = await put({
      holidays: ['2026-10-05', '2026-11-05', '2026-11-06'],
      workdays: [],
    });
    expect(changed.status).toBe(200);
    expect(await dueDateOf(OPEN_PERIOD)).toBe('2026-11-09');
    // A published month keeps the deadline it was judged by.
    expect(await dueDateOf(PUBLISHED_PERIOD)).toBe('2026-10-05');
    const audit = await api.request('GET', '/audit?username=admin', { token: admin });
    expect(audit.body[0]).toMatchObject({
      action: 'calendar.put',
      after: { dueDatesMoved: [{ period: OPEN_PERIOD, from: '2026-11-05', to: '2026-11-09' }] },
    });

    // On 6 and 9 November nobody is overdue yet; on the 10th the agencies still missing are.
    expect(await schedule.remindOverdue(new Date('2026-11-06T09:00:00+08:00'))).toEqual([]);
    expect(await schedule.remindOverdue(new Date('2026-11-09T09:00:00+08:00'))).toEqual([]);
    const reminded = await schedule.remindOverdue(new Date('2026-11-10T09:00:00+08:00'));
    expect(reminded.map((entry) => entry.period)).toEqual([OPEN_PERIOD]);
    expect(reminded[0].agencies.length).toBeGreaterThan(0);

    // Taking the holidays out brings the due date back.
    await put({ holidays: [], workdays: [] });
    expect(await dueDateOf(OPEN_PERIOD)).toBe('2026-11-05');
  });

  it('answers the due dates falling in a year, December’s by the next year’s calendar', async () => {
    await put({ holidays: ['2027-01-05'], workdays: [] }, admin, 2027);
    const { status, body } = await api.request('GET', '/calendar/2027/due-dates', { token: admin });
    expect(status).toBe(200);
    expect(body.months).toHaveLength(12);
    expect(body.months[0]).toEqual({
      period: '2026-12',
      dueDate: '2027-01-06',
      dueDay: 5,
      dueOnWorkingDay: false,
      status: null,
    });
    // 5 June 2027 is a Saturday.
    expect(
      body.months.find((month: { period: string }) => month.period === '2027-05').dueDate,
    ).toBe('2027-06-07');
    await put({ holidays: [], workdays: [] }, admin, 2027);
  });

  it('answers a published month’s due date as judged, an open one’s as the calendar decides now', async () => {
    await put({ holidays: ['2026-10-05', '2026-11-05'], workdays: [] });
    const { body } = await api.request('GET', '/calendar/2026/due-dates', { token: admin });
    const byPeriod = new Map(
      (body.months as { period: string; dueDate: string; status: string | null }[]).map((month) => [
        month.period,
        month,
      ]),
    );
    expect(byPeriod.get(PUBLISHED_PERIOD)).toMatchObject({
      dueDate: '2026-10-05',
      status: 'published',
    });
    expect(byPeriod.get(OPEN_PERIOD)).toMatchObject({ dueDate: '2026-11-06', status: 'open' });
    expect(byPeriod.get(OPEN_PERIOD)?.dueDate).toBe(await dueDateOf(OPEN_PERIOD));
    await put({ holidays: [], workdays: [] });
  });
});
