import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { BadReviewRepository } from '@scorecard/server-database';
import { ImportFileProducer } from '@scorecard/server-queue';
import { dayOf, workingCalendar } from '@scorecard/scoring';
import { createTestDatabase, seedDemoProvince, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import { jobFinished, registerImportFile } from '../support/import-jobs';

const OPEN_PERIOD = '2026-10';
const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');
const HEADER = '评价编号,机构编码,评价时间,渠道,评价等级,办理事项,评价内容';

interface CaseRow {
  ratingId: string | null;
  level: number;
  serviceItem: string | null;
  comment: string | null;
  deadline: string;
  status: string;
  voidedAs: string | null;
  previousStatus: string | null;
  withdrawnFrom: string | null;
  verifyNote: string | null;
  outcome: string | null;
  resolveNote: string | null;
  resolvedBy: string | null;
  version: number;
}

describe('bad reviews (差评) from ratings imports', () => {
  let config: AppConfig;
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext | null = null;
  let county: string;

  const dataSourceOf = () => (worker as INestApplicationContext).get(DataSource);

  /** Imports a ratings file of `lines` (after `header`) as an upload of head-<agency>. */
  async function importRatings(lines: string[], header = HEADER, agency = county) {
    const importId = randomUUID();
    const path = join(config.importDir, `${importId}.csv`);
    writeFileSync(path, `${[header, ...lines].join('\n')}\n`);
    await registerImportFile(dataSourceOf(), {
      id: importId,
      kind: 'ratings',
      fileName: 'ratings.csv',
      path,
      uploader: { username: `head-${agency}`, role: 'agency_head', agency },
    });
    const jobId = await (worker as INestApplicationContext).get(ImportFileProducer).enqueue({ importId });
    return jobFinished(worker as INestApplicationContext, jobId);
  }

  const cases = (agency = county): Promise<CaseRow[]> =>
    dataSourceOf().query(
      `SELECT rating_id AS "ratingId", level, service_item AS "serviceItem", comment,
              to_char(deadline, 'YYYY-MM-DD') AS deadline, status, voided_as AS "voidedAs",
              previous_status AS "previousStatus", withdrawn_from AS "withdrawnFrom", verify_note AS "verifyNote",
              outcome, resolve_note AS "resolveNote", resolved_by AS "resolvedBy", version
         FROM bad_review WHERE period = $1 AND agency_code = $2 ORDER BY rating_id NULLS LAST, level`,
      [OPEN_PERIOD, agency],
    );

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    worker = await createWorkerContext(config);
    await seedDemoProvince(worker, DEMO_NOW);
    // The demo's follow-up history is not what this file counts: it starts from no cases.
    await dataSourceOf().query('DELETE FROM bad_review');
    [{ code: county }] = await dataSourceOf().query(
      `SELECT a.code FROM agency a WHERE a.level = 'county'
          AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.period = $1 AND s.agency_code = a.code)
        ORDER BY a.code LIMIT 1`,
      [OPEN_PERIOD],
    );
  });
  afterAll(async () => {
    await worker?.close();
    await dropDatabase();
  });

  it('makes a case of every rating of level 1–2 only, due 15 working days after the import day over a calendar holiday', async () => {
    // The first working day after today becomes a holiday: the deadline moves one working day on.
    const today = dayOf(new Date());
    const plain = workingCalendar();
    const holiday = plain.addWorkingDays(today, 1);
    await dataSourceOf().query(
      `INSERT INTO calendar_day (day, kind) VALUES ($1, 'holiday') ON CONFLICT (day) DO UPDATE SET kind = 'holiday'`,
      [holiday],
    );
    const withHoliday = workingCalendar({ holidays: [holiday], workdays: [] });
    const expected = withHoliday.addWorkingDays(today, 15);
    expect(expected).not.toBe(plain.addWorkingDays(today, 15));

    const job = await importRatings([
      `HC-1,${county},2026-10-03T09:00:00+08:00,窗口,1,医保关系转移,"等了两个小时, 没人管"`,
      `HC-2,${county},2026-10-04T09:00:00+08:00,online,2,异地就医备案,"网上办理""卡住""了"`,
      `HC-3,${county},2026-10-05T09:00:00+08:00,phone,3,,`,
      `HC-4,${county},2026-10-06T09:00:00+08:00,app,5,门诊慢特病,很满意`,
      `HC-5,${county},2026-10-07T09:00:00+08:00,window,不满意,,`,
    ]);
    expect(job.result).toMatchObject({ status: 'applied', rows: 5 });
    const found = await cases();
    expect(found.map((row) => [row.ratingId, row.level, row.status, row.deadline])).toEqual([
      ['HC-1', 1, 'open', expected],
      ['HC-2', 2, 'open', expected],
      ['HC-5', 2, 'open', expected],
    ]);
    expect(found[0]).toMatchObject({
      serviceItem: '医保关系转移',
      comment: '等了两个小时, 没人管',
    });
    expect(found[1]).toMatchObject({ comment: '网上办理"卡住"了' });
    expect(found[2]).toMatchObject({ serviceItem: null, comment: null });
  });

  it('re-importing a changed file keeps the work on a surviving case, deletes an untouched gone one and voids a worked-on gone one', async () => {
    // The head verified HC-1 and HC-5 (as the verify call does); HC-2 was not touched.
    await dataSourceOf().query(
      `UPDATE bad_review SET status = 'verified', verify_note = '已核实：窗口排队', verified_by = $3,
              verified_at = now(), deadline = deadline + 1, version = version + 1
        WHERE period = $1 AND agency_code = $2 AND rating_id IN ('HC-1', 'HC-5')`,
      [OPEN_PERIOD, county, `head-${county}`],
    );
    // …and appealed HC-5 after verifying it (as the appeal call does).
    await dataSourceOf().query(
      `UPDATE bad_review SET status = 'appealed', previous_status = 'verified', appeal_reason = '系误评',
              version = version + 1
        WHERE period = $1 AND agency_code = $2 AND rating_id = 'HC-5'`,
      [OPEN_PERIOD, county],
    );
    const before = await cases();
    const job = await importRatings([
      `HC-1,${county},2026-10-03T09:00:00+08:00,窗口,2,医保关系转移,等了两个小时（已更正）`,
      `HC-6,${county},2026-10-08T09:00:00+08:00,窗口,1,生育津贴,材料被退回三次`,
      `HC-4,${county},2026-10-06T09:00:00+08:00,app,5,门诊慢特病,很满意`,
    ]);
    expect(job.result).toMatchObject({ status: 'applied', rows: 3 });
    const after = await cases();
    expect(after.map((row) => [row.ratingId, row.status, row.voidedAs])).toEqual([
      ['HC-1', 'verified', null],
      ['HC-5', 'voided', 'withdrawn'],
      ['HC-6', 'open', null],
    ]);
    // Status, note and deadline kept; the rating's details refreshed.
    expect(after[0]).toMatchObject({
      level: 2,
      comment: '等了两个小时（已更正）',
      verifyNote: '已核实：窗口排队',
      deadline: before[0].deadline,
    });
    expect(after[1]).toMatchObject({
      withdrawnFrom: 'appealed',
      previousStatus: 'verified',
      verifyNote: '已核实：窗口排队',
    });

    // Its rating back, the withdrawn case returns to where it was.
    await importRatings([
      `HC-1,${county},2026-10-03T09:00:00+08:00,窗口,2,医保关系转移,等了两个小时（已更正）`,
      `HC-5,${county},2026-10-07T09:00:00+08:00,window,2,,`,
    ]);
    expect(
      (await cases()).map((row) => [row.ratingId, row.status, row.voidedAs, row.previousStatus]),
    ).toEqual([
      ['HC-1', 'verified', null, null],
      ['HC-5', 'appealed', null, 'verified'],
    ]);
  });

  it('refuses a file repeating a rating id, naming both rows as a spreadsheet shows them, and changes nothing', async () => {
    const before = await cases();
    const job = await importRatings([
      `HC-7,${county},2026-10-03T09:00:00+08:00,窗口,1,,`,
      `HC-8,${county},2026-10-04T09:00:00+08:00,窗口,4,,`,
      `HC-7,${county},2026-10-05T09:00:00+08:00,窗口,2,,`,
    ]);
    expect(job.result).toMatchObject({ status: 'rejected', errorCount: 1 });
    expect((job.result as { errors: unknown[] }).errors).toEqual([
      {
        row: 4,
        field: '评价编号',
        value: 'HC-7',
        message: 'duplicate rating id "HC-7": row 2 has it too',
      },
    ]);
    expect(await cases()).toEqual(before);
  });

  it('refuses texts over their length as row errors', async () => {
    const job = await importRatings([
      `${'X'.repeat(65)},${county},2026-10-03T09:00:00+08:00,窗口,1,${'事'.repeat(201)},${'差'.repeat(2000)}`,
    ]);
    expect(job.result).toMatchObject({ status: 'rejected', errorCount: 2 });
    expect((job.result as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({
        row: 2,
        field: '评价编号',
        message: 'is longer than 64 characters (65)',
      }),
      expect.objectContaining({
        row: 2,
        field: '办理事项',
        message: 'is longer than 200 characters (201)',
      }),
    ]);
  });

  it('a file without the optional columns imports as before and still makes cases, without ids', async () => {
    const job = await importRatings(
      [
        `${county},2026-10-03T09:00:00+08:00,online,1`,
        `${county},2026-10-04T09:00:00+08:00,online,4`,
      ],
      'agency_code,rated_at,channel,level',
    );
    expect(job.result).toMatchObject({ status: 'applied', rows: 2 });
    // HC-1 and HC-5 were worked on: voided as withdrawn, never lost.
    expect((await cases()).map((row) => [row.ratingId, row.level, row.status])).toEqual([
      ['HC-1', 2, 'voided'],
      ['HC-5', 2, 'voided'],
      [null, 1, 'open'],
    ]);
  });

  it('a closed case whose rating is gone is withdrawn with its outcome on record, and closed again as it was when its rating returns', async () => {
    const [{ code: other }]: { code: string }[] = await dataSourceOf().query(
      `SELECT a.code FROM agency a WHERE a.level = 'county' AND a.code <> $2
          AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.period = $1 AND s.agency_code = a.code)
        ORDER BY a.code LIMIT 1`,
      [OPEN_PERIOD, county],
    );
    const rated = `HC-21,${other},2026-10-09T09:00:00+08:00,窗口,1,医保报销,报销款一个月没到账`;
    const staying = `HC-22,${other},2026-10-10T09:00:00+08:00,phone,2,,电话没人接`;
    expect((await importRatings([rated, staying], HEADER, other)).result).toMatchObject({
      status: 'applied',
    });
    // The head verifies HC-21 and resolves it as rectified, by the cases' own steps.
    const steps = (worker as INestApplicationContext).get(BadReviewRepository);
    const [{ id }]: { id: string }[] = await dataSourceOf().query(
      `SELECT id::text AS id FROM bad_review WHERE period = $1 AND agency_code = $2 AND rating_id = 'HC-21'`,
      [OPEN_PERIOD, other],
    );
    await dataSourceOf().transaction(async (manager) => {
      const by = `head-${other}`;
      expect(await steps.verify(manager, id, { note: '已核实：财务延误', by, version: 1 })).toBe(
        true,
      );
      expect(
        await steps.resolve(manager, id, {
          outcome: 'rectified',
          note: '已补发并致歉',
          by,
          version: 2,
        }),
      ).toBe(true);
    });
    const [closed] = await cases(other);
    expect(closed).toMatchObject({ ratingId: 'HC-21', status: 'closed', outcome: 'rectified' });

    // A corrected file without HC-21: the import applies, the case is withdrawn as closed, its
    // outcome and notes kept on record.
    const job = await importRatings([staying], HEADER, other);
    expect(job).toMatchObject({ state: 'completed', failedReason: null });
    expect(job.result).toMatchObject({ status: 'applied', rows: 1 });
    const [withdrawn, kept] = await cases(other);
    expect(withdrawn).toEqual({
      ...closed,
      status: 'voided',
      voidedAs: 'withdrawn',
      withdrawnFrom: 'closed',
      version: closed.version + 1,
    });
    expect(kept).toMatchObject({ ratingId: 'HC-22', status: 'open', outcome: null });
    // Readers of closed and pending cases do not count it.
    const list = (status: 'closed' | 'voided') =>
      steps.list({ agencyCodes: [other], period: OPEN_PERIOD, status, limit: 10, offset: 0 });
    expect((await list('closed')).total).toBe(0);
    expect((await list('voided')).rows).toEqual([
      expect.objectContaining({ ratingId: 'HC-21', voidedAs: 'withdrawn', outcome: 'rectified' }),
    ]);
    expect((await steps.countsByAgency([other])).get(other)).toEqual({ open: 1, overdue: 0 });
    expect((await steps.awaitingAnswer([other])).map((row) => row.ratingId)).toEqual(['HC-22']);

    // Its rating back, the case is closed again with the same outcome and notes.
    expect((await importRatings([rated, staying], HEADER, other)).result).toMatchObject({
      status: 'applied',
    });
    expect((await cases(other))[0]).toEqual({ ...closed, version: closed.version + 2 });
    expect((await list('closed')).rows).toEqual([
      expect.objectContaining({
        ratingId: 'HC-21',
        outcome: 'rectified',
        resolveNote: '已补发并致歉',
      }),
    ]);

    // An outcome still belongs to a closed case, or one withdrawn as closed, only.
    await expect(
      dataSourceOf().query(
        `UPDATE bad_review SET outcome = 'explained' WHERE period = $1 AND agency_code = $2 AND rating_id = 'HC-22'`,
        [OPEN_PERIOD, other],
      ),
    ).rejects.toThrow(/check constraint/);
    await expect(
      dataSourceOf().query(
        `UPDATE bad_review SET status = 'voided', voided_as = 'withdrawn', withdrawn_from = 'open', outcome = 'explained'
          WHERE period = $1 AND agency_code = $2 AND rating_id = 'HC-22'`,
        [OPEN_PERIOD, other],
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
