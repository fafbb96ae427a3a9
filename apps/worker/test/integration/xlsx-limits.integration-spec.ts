import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { ImportFileProducer } from '@scorecard/server-queue';
import { createTestDatabase, seedDemoProvince, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import {
  jobFinished,
  registerImportFile,
  scratchCopies,
  storedChunks,
} from '../support/import-jobs';

// archiver ships no types; it streams zip files with Node's own zlib.
const archiver = require('archiver') as (
  format: 'zip',
  options: { zlib: { level: number } },
) => NodeJS.ReadableStream & {
  append(source: Readable | string, data: { name: string }): void;
  finalize(): Promise<void>;
};

const OPEN_PERIOD = '2026-10';
const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');
/**
 * What an import may add to the worker's resident memory, whatever the file: about the part limit
 * (IMPORT_XLSX_MAX_PART_BYTES, 256 MiB by default), as the README promises. Resident memory also
 * follows the collector's timing, which a loaded machine stretches.
 */
const MEMORY_BUDGET_BYTES = 256 * 1024 * 1024;

/** `count` pieces of XML, generated as they are read: the test never holds the bomb either. */
function repeated(
  head: string,
  piece: (i: number) => string,
  count: number,
  tail: string,
): Readable {
  let i = 0;
  let started = false;
  let ended = false;
  return new Readable({
    read() {
      if (!started) {
        started = true;
        this.push(head);
        return;
      }
      if (i < count) {
        let chunk = '';
        for (let n = 0; n < 10_000 && i < count; n++) chunk += piece(i++);
        this.push(chunk);
        return;
      }
      if (!ended) {
        ended = true;
        this.push(tail);
      }
      this.push(null);
    },
  });
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="评价" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const HEADER_ROW = `<row r="1"><c r="A1" t="inlineStr"><is><t>机构编码</t></is></c><c r="B1" t="inlineStr"><is><t>评价时间</t></is></c><c r="C1" t="inlineStr"><is><t>渠道</t></is></c><c r="D1" t="inlineStr"><is><t>评价等级</t></is></c></row>`;

describe('XLSX files that inflate too far', () => {
  let config: AppConfig;
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext;
  let county: string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    worker = await createWorkerContext(config);
    await seedDemoProvince(worker, DEMO_NOW);
    [{ code: county }] = await worker.get(DataSource).query(
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

  /** Zips the parts into an XLSX upload and runs its import. */
  async function importWorkbook(parts: { name: string; source: () => Readable | string }[]) {
    const importId = randomUUID();
    const path = join(config.importDir, `${importId}.xlsx`);
    const zip = archiver('zip', { zlib: { level: 9 } });
    const written = new Promise<void>((done, fail) => {
      const out = createWriteStream(path);
      out.on('close', done);
      out.on('error', fail);
      zip.pipe(out);
    });
    for (const part of parts) zip.append(part.source(), { name: part.name });
    await zip.finalize();
    await written;
    return runImport(importId, path, '评价.xlsx');
  }

  it('refuses a shared-strings part that inflates past the limit, within the memory budget', async () => {
    // About 1 MB of zip that would unpack to 400 MB of one-letter strings.
    const count = 25_000_000;
    const { job, growth, importId } = await importWorkbook([
      { name: '[Content_Types].xml', source: () => CONTENT_TYPES },
      { name: 'xl/workbook.xml', source: () => WORKBOOK },
      {
        name: 'xl/worksheets/sheet1.xml',
        source: () => `${SHEET_HEAD}${HEADER_ROW}</sheetData></worksheet>`,
      },
      {
        name: 'xl/sharedStrings.xml',
        source: () =>
          repeated(
            `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`,
            (i) => `<si><t>${i % 10}</t></si>`,
            count,
            '</sst>',
          ),
      },
    ]);
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({
      status: 'rejected',
      errors: [
        expect.objectContaining({
          row: 0,
          message: expect.stringMatching(
            /xl\/sharedStrings\.xml is larger than 256 MB once unpacked/,
          ),
        }),
      ],
    });
    expect(growth).toBeLessThan(MEMORY_BUDGET_BYTES);
    // Refused: neither the stored upload nor the worker's local copy stays.
    expect(await storedChunks(worker.get(DataSource), importId)).toBe(0);
    expect(scratchCopies(config.importDir)).toEqual([]);
  }, 300_000);

  it('refuses a worksheet of millions of repeated cells, within the memory budget', async () => {
    const rows = 3_000_000;
    const { job, growth } = await importWorkbook([
      { name: '[Content_Types].xml', source: () => CONTENT_TYPES },
      { name: 'xl/workbook.xml', source: () => WORKBOOK },
      {
        name: 'xl/worksheets/sheet1.xml',
        source: () =>
          repeated(
            `${SHEET_HEAD}${HEADER_ROW}`,
            () =>
              `<row><c t="inlineStr"><is><t>${county}</t></is></c><c t="inlineStr"><is><t>2026-10-05T09:30:00+08:00</t></is></c><c t="inlineStr"><is><t>window</t></is></c><c><v>5</v></c></row>`,
            rows,
            '</sheetData></worksheet>',
          ),
      },
    ]);
    expect(job.result).toMatchObject({
      status: 'rejected',
      errors: [
        expect.objectContaining({
          row: 0,
          message: expect.stringMatching(
            /xl\/worksheets\/sheet1\.xml is larger than 256 MB once unpacked/,
          ),
        }),
      ],
    });
    expect(growth).toBeLessThan(MEMORY_BUDGET_BYTES);
    const [{ count }] = await worker
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM rating WHERE agency_code = $1', [county]);
    expect(count).toBe(0);
  }, 300_000);

  it('still imports a large workbook written by a spreadsheet program, within the memory budget', async () => {
    const rows = 200_000;
    const { job, growth } = await importLargeWorkbook(rows);
    expect(job.result).toMatchObject({ status: 'applied', rows });
    expect(growth).toBeLessThan(MEMORY_BUDGET_BYTES);
  }, 300_000);

  /** A real workbook (ExcelJS, shared strings and date cells as Excel writes them) of `rows` ratings. */
  async function importLargeWorkbook(rows: number) {
    const importId = randomUUID();
    const path = join(config.importDir, `${importId}.xlsx`);
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: true,
      useStyles: true,
    });
    const sheet = book.addWorksheet('评价');
    sheet.addRow(['机构编码', '评价时间', '渠道', '评价等级']).commit();
    for (let i = 0; i < rows; i++) {
      const at = new Date(Date.UTC(2026, 9, (i % 28) + 1, 9, i % 60));
      const row = sheet.addRow([county, at, i % 2 ? '窗口' : 'online', (i % 5) + 1]);
      row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
      row.commit();
    }
    sheet.commit();
    await book.commit();
    return runImport(importId, path, 'ratings.xlsx');
  }

  /** Registers the file as an upload of head-<county> and runs its import, sampling memory meanwhile. */
  async function runImport(importId: string, path: string, fileName: string) {
    await registerImportFile(worker.get(DataSource), {
      id: importId,
      kind: 'ratings',
      fileName,
      path,
      uploader: { username: `head-${county}`, role: 'agency_head', agency: county },
    });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    try {
      const job = await jobFinished(
        worker,
        await worker.get(ImportFileProducer).enqueue({ importId }),
        240_000,
      );
      peak = Math.max(peak, process.memoryUsage().rss);
      return { job, growth: peak - before, importId };
    } finally {
      clearInterval(sampler);
    }
  }
});
