import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { encode } from 'iconv-lite';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { ImportFileProducer } from '@scorecard/server-queue';
import { createTestDatabase, seedDemoProvince, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import { jobFinished, registerImportFile } from '../support/import-jobs';

/**
 * The bad-input catalogue: each file is refused as a whole with the exact error (row as Excel
 * shows it, column, value), and the database is left exactly as it was. A file over the size limit
 * (2 GB) never reaches a worker: the API answers 413 (import-upload.integration-spec.ts).
 */
const OPEN = '2026-10';
const UPLOADER = { username: 'head-330102', role: 'agency_head', agency: '330102' };
const RATINGS = 'agency_code,rated_at,channel,level';
const CONSULTATIONS = 'agency_code,asked_at,replied_at';
const SUBMISSIONS = 'period,agency_code,indicator_code,numerator,denominator';
const ok = (n = 1) =>
  Array.from(
    { length: n },
    (_, i) => `330102,2026-10-${String(i + 1).padStart(2, '0')}T10:00:00+08:00,window,5`,
  );

interface Case {
  name: string;
  kind: 'ratings' | 'consultations' | 'submissions';
  fileName?: string;
  content: () => Promise<Buffer> | Buffer;
  expected: { row: number; field: string; value?: string; message: RegExp };
}

const csv =
  (...lines: string[]) =>
  () =>
    Buffer.from(`${lines.join('\n')}\n`);

async function xlsxWithFormula(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评价');
  sheet.addRow(['agency_code', 'rated_at', 'channel', 'level']);
  sheet.addRow(['330102', '2026-10-02 10:00:00', 'window', 5]);
  sheet.addRow(['330102', '2026-10-03 10:00:00', 'window', { formula: '2+3', result: 5 }]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CASES: Case[] = [
  {
    name: 'wrong encoding: UTF-16 ("Unicode text")',
    kind: 'ratings',
    content: () => Buffer.from(`\ufeff${RATINGS}\r\n${ok()[0]}\r\n`, 'utf16le'),
    expected: { row: 0, field: '', message: /UTF-16/ },
  },
  {
    name: 'wrong encoding: UTF-8 that turns into GBK half-way',
    kind: 'ratings',
    content: () =>
      Buffer.concat([
        Buffer.from(
          `${RATINGS}\n330102,2026-10-02T10:00:00+08:00,窗口,5\n${ok(20).join('\n').repeat(20)}\n`,
        ),
        encode('330102,2026-10-03T10:00:00+08:00,窗口,5\n', 'gbk'),
      ]),
    expected: { row: 0, field: '', message: /not valid UTF-8/ },
  },
  {
    name: 'binary data named .csv',
    kind: 'ratings',
    content: () => Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]),
    expected: { row: 0, field: '', message: /binary/ },
  },
  {
    name: 'an Excel 97–2003 workbook',
    kind: 'ratings',
    fileName: 'ratings.xls',
    content: csv(RATINGS, ...ok()),
    expected: { row: 0, field: '', message: /XLS workbooks/ },
  },
  {
    name: 'unclosed quote',
    kind: 'ratings',
    content: csv(RATINGS, ...ok(), '330102,2026-10-03T10:00:00+08:00,"window,5'),
    expected: { row: 3, field: '', message: /malformed/ },
  },
  {
    name: 'missing column',
    kind: 'ratings',
    content: csv('agency_code,rated_at,channel', '330102,2026-10-02T10:00:00+08:00,window'),
    expected: { row: 1, field: 'level', message: /missing/i },
  },
  {
    name: 'unknown column',
    kind: 'ratings',
    content: csv(`${RATINGS},remark`, `${ok()[0]},x`),
    expected: { row: 1, field: 'remark', message: /unknown column/i },
  },
  {
    name: 'duplicate header (English and Chinese)',
    kind: 'ratings',
    content: csv(`${RATINGS},评价等级`, `${ok()[0]},5`),
    // The field as the file named it: the second, Chinese, name of the column.
    expected: { row: 1, field: '评价等级', message: /duplicate/i },
  },
  {
    name: 'empty file',
    kind: 'ratings',
    content: () => Buffer.alloc(0),
    expected: { row: 0, field: '', message: /no data rows|empty/i },
  },
  {
    name: 'header only',
    kind: 'ratings',
    content: csv(RATINGS),
    expected: { row: 0, field: '', message: /no data rows/i },
  },
  {
    name: 'unknown agency code',
    kind: 'ratings',
    content: csv(RATINGS, ...ok(), '999999,2026-10-03T10:00:00+08:00,window,5'),
    expected: { row: 3, field: 'agency_code', value: '999999', message: /unknown agency/i },
  },
  {
    name: 'agency outside the uploader’s scope',
    kind: 'ratings',
    content: csv(RATINGS, '330203,2026-10-03T10:00:00+08:00,window,5'),
    expected: { row: 2, field: 'agency_code', value: '330203', message: /outside your scope/i },
  },
  {
    name: 'level 0',
    kind: 'ratings',
    content: csv(RATINGS, '330102,2026-10-03T10:00:00+08:00,window,0'),
    expected: { row: 2, field: 'level', value: '0', message: /1.*5/ },
  },
  {
    name: 'level 6',
    kind: 'ratings',
    content: csv(RATINGS, ...ok(2), '330102,2026-10-03T10:00:00+08:00,window,6'),
    expected: { row: 4, field: 'level', value: '6', message: /1.*5/ },
  },
  {
    name: 'unknown channel',
    kind: 'ratings',
    content: csv(RATINGS, '330102,2026-10-03T10:00:00+08:00,fax,5'),
    expected: { row: 2, field: 'channel', value: 'fax', message: /channel|window/i },
  },
  {
    name: 'unparsable time',
    kind: 'ratings',
    content: csv(RATINGS, '330102,yesterday,window,5'),
    expected: { row: 2, field: 'rated_at', value: 'yesterday', message: /time|date/i },
  },
  {
    name: 'future time',
    kind: 'ratings',
    content: csv(RATINGS, '330102,2099-01-01T10:00:00+08:00,window,5'),
    expected: { row: 2, field: 'rated_at', message: /future/i },
  },
  {
    name: 'formula-looking text',
    kind: 'ratings',
    content: csv(RATINGS, '330102,2026-10-03T10:00:00+08:00,=cmd|calc,5'),
    expected: { row: 2, field: 'channel', message: /formula/i },
  },
  {
    name: 'formula cell in XLSX',
    kind: 'ratings',
    fileName: 'ratings.xlsx',
    content: xlsxWithFormula,
    expected: { row: 3, field: 'level', message: /formula/i },
  },
  {
    name: 'unsupported file type',
    kind: 'ratings',
    fileName: 'ratings.pdf',
    content: csv(RATINGS, ...ok()),
    expected: { row: 0, field: '', message: /csv|xlsx|file type|format/i },
  },
  {
    name: 'a month that is published',
    kind: 'ratings',
    content: csv(RATINGS, '330102,2026-09-03T10:00:00+08:00,window,5'),
    expected: { row: 0, field: 'period', value: '2026-09', message: /published/ },
  },
  {
    name: 'replied before asked',
    kind: 'consultations',
    content: csv(CONSULTATIONS, '330102,2026-10-03T10:00:00+08:00,2026-10-03T09:00:00+08:00'),
    expected: { row: 2, field: 'replied_at', message: /before/i },
  },
  {
    name: 'more than 2 decimals',
    kind: 'submissions',
    content: csv(SUBMISSIONS, '2026-10,330102,collection,10.001,20'),
    expected: { row: 2, field: 'numerator', value: '10.001', message: /2 decimals/i },
  },
  {
    name: 'negative figure',
    kind: 'submissions',
    content: csv(SUBMISSIONS, '2026-10,330102,collection,-1,20'),
    expected: { row: 2, field: 'numerator', message: /negative/i },
  },
  {
    name: 'numerator above denominator',
    kind: 'submissions',
    content: csv(SUBMISSIONS, '2026-10,330102,satisfaction,21,20'),
    expected: { row: 2, field: 'numerator', message: /exceed|denominator/i },
  },
  {
    name: 'unknown indicator',
    kind: 'submissions',
    content: csv(SUBMISSIONS, '2026-10,330102,happiness,1,2'),
    expected: {
      row: 2,
      field: 'indicator_code',
      value: 'happiness',
      message: /unknown indicator/i,
    },
  },
  {
    name: 'duplicate agency-month-indicator',
    kind: 'submissions',
    content: csv(SUBMISSIONS, '2026-10,330102,collection,1,2', '2026-10,330102,collection,1,3'),
    expected: { row: 3, field: 'indicator_code', message: /duplicate/i },
  },
  {
    name: 'malformed month',
    kind: 'submissions',
    content: csv(SUBMISSIONS, '2026-13,330102,collection,1,2'),
    expected: { row: 2, field: 'period', value: '2026-13', message: /YYYY-MM|month/i },
  },
];

describe('bad-input catalogue', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let config: AppConfig;
  let dropDatabase: () => Promise<void>;

  const databaseState = async () => ({
    ratings: (await dataSource.query('SELECT count(*) FROM rating'))[0].count,
    consultations: (await dataSource.query('SELECT count(*) FROM consultation'))[0].count,
    values: (
      await dataSource.query(
        `SELECT md5(string_agg(period || agency_code || indicator_code || numerator || '/' || denominator, ',' ORDER BY period, agency_code, indicator_code)) AS digest FROM submission_value`,
      )
    )[0].digest,
    submissions: (
      await dataSource.query(
        `SELECT md5(string_agg(period || agency_code || version || status, ',' ORDER BY period, agency_code)) AS digest FROM submission`,
      )
    )[0].digest,
    revisions: await dataSource.query('SELECT period, data_revision FROM period ORDER BY period'),
    sources: (await dataSource.query('SELECT count(*) FROM import_source'))[0].count,
  });

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    worker = await createWorkerContext(config);
    dataSource = worker.get(DataSource);
    await seedDemoProvince(worker, new Date('2026-11-22T10:00:00+08:00'));
  });
  afterAll(async () => {
    await worker.close();
    await dropDatabase();
  });

  it('has at least 20 kinds of bad input', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES.map((entry) => [entry.name, entry] as const))(
    'refuses %s with the exact error and changes nothing',
    async (_name, entry) => {
      const before = await databaseState();
      const importId = randomUUID();
      const fileName = entry.fileName ?? `${entry.kind}.csv`;
      const path = join(config.importDir, `${importId}-${fileName}`);
      writeFileSync(path, await entry.content());
      await registerImportFile(dataSource, {
        id: importId,
        kind: entry.kind,
        fileName,
        path,
        uploader: UPLOADER,
      });
      const job = await jobFinished(
        worker,
        await worker.get(ImportFileProducer).enqueue({ importId }),
      );
      expect(job.state).toBe('completed');
      const result = job.result as {
        status: string;
        errorCount: number;
        errors: { row: number; field: string; value: string; message: string }[];
      };
      expect(result.status).toBe('rejected');
      expect(result.errors[0]).toMatchObject({
        row: entry.expected.row,
        field: entry.expected.field,
        ...(entry.expected.value !== undefined ? { value: entry.expected.value } : {}),
      });
      expect(result.errors[0].message).toMatch(entry.expected.message);
      expect(await databaseState()).toEqual(before);
    },
  );

  it('accepts a GBK file with Chinese headers (as Excel in China saves it)', async () => {
    const importId = randomUUID();
    const path = join(config.importDir, `${importId}.csv`);
    writeFileSync(
      path,
      encode(
        '机构编码,评价时间,渠道,评价等级\r\n330102,2026-10-05 09:30:00,窗口,非常满意\r\n330102,2026-10-06 09:30:00,网上,不满意\r\n',
        'gbk',
      ),
    );
    await registerImportFile(dataSource, {
      id: importId,
      kind: 'ratings',
      fileName: '评价.csv',
      path,
      uploader: UPLOADER,
      // 330102's satisfaction was typed in by hand in the demo.
      replaceTyped: true,
    });
    const job = await jobFinished(
      worker,
      await worker.get(ImportFileProducer).enqueue({ importId }),
    );
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({ status: 'applied', rows: 2 });
    const [figures] = await dataSource.query(
      `SELECT numerator::text, denominator::text FROM submission_value WHERE period = $1 AND agency_code = '330102' AND indicator_code = 'satisfaction'`,
      [OPEN],
    );
    expect(figures).toEqual({ numerator: '1.00', denominator: '2.00' });
  });
});
