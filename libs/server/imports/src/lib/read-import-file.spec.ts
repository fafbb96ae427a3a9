import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import {
  type DecodedRecord,
  decodeRecords,
  isEncodedRecords,
  type StagedRecord,
} from '@scorecard/server-database';
import type { ImportKind } from '@scorecard/contracts';
import { importErrorRenderer } from './import-messages';
import { readImportFile } from './read-import-file';
import type { ImportContext } from './validate-row';

const NOW = new Date('2026-11-22T02:00:00Z');

function context(kind: ImportKind, overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    kind,
    agenciesInScope: new Set(['330102', '330105']),
    knownAgencies: new Set(['330000', '330100', '330102', '330105', '330203']),
    indicatorsFor: () =>
      new Map([
        ['enrollment_expansion', { allowsOverTarget: true }],
        ['collection', { allowsOverTarget: false }],
        ['satisfaction', { allowsOverTarget: false }],
        ['online_reply', { allowsOverTarget: false }],
      ]),
    now: NOW,
    maxErrors: 1000,
    ...overrides,
  };
}

async function read(
  kind: ImportKind,
  content: string | Buffer,
  options: { fileName?: string; context?: Partial<ImportContext> } = {},
) {
  const reader = readImportFile({
    stream: Readable.from([typeof content === 'string' ? Buffer.from(content) : content]),
    fileName: options.fileName ?? `${kind}.csv`,
    context: context(kind, options.context),
    xlsxLimits: { maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 },
  });
  const records: (StagedRecord | DecodedRecord)[] = [];
  let batches = 0;
  for await (const batch of reader.batches) {
    batches += 1;
    // Raw records arrive encoded for COPY: read back as PostgreSQL will store them.
    if (isEncodedRecords(batch))
      records.push(...decodeRecords(kind as 'ratings' | 'consultations', batch));
    else records.push(...batch);
  }
  const summary = await reader.summary;
  // Stored errors are keys; these checks read them as an English reader would.
  return {
    records,
    batches,
    summary: { ...summary, errors: summary.errors.map(importErrorRenderer('en')) },
  };
}

describe('readImportFile', () => {
  it('reads ratings, assigning each to its Beijing-time month', async () => {
    const { records, summary } = await read(
      'ratings',
      'agency_code,rated_at,channel,level\n330102,2026-10-31T15:59:59Z,window,5\n330105,2026-10-31T16:00:00Z,网上,不满意\n',
    );
    expect(summary).toEqual({ rows: 2, errorCount: 0, errors: [], encoding: 'utf-8' });
    expect(records).toEqual([
      {
        period: '2026-10',
        agencyCode: '330102',
        ratedAt: new Date('2026-10-31T15:59:59Z'),
        channel: 'window',
        level: 5,
        ratingId: null,
        serviceItem: null,
        comment: null,
      },
      {
        period: '2026-11',
        agencyCode: '330105',
        ratedAt: new Date('2026-10-31T16:00:00Z'),
        channel: 'online',
        level: 2,
        ratingId: null,
        serviceItem: null,
        comment: null,
      },
    ]);
  });

  it('reads consultations: answered within 48 hours, late, and unanswered', async () => {
    const { records } = await read(
      'consultations',
      [
        '机构编码,咨询时间,回复时间',
        '330102,2026-10-01 09:00:00,2026-10-03 09:00:00',
        '330102,2026-10-01 09:00:00,2026-10-03 09:00:01',
        '330102,2026-10-01 09:00:00,',
      ].join('\r\n'),
    );
    expect(
      records.map((record) =>
        'answeredWithin48h' in record
          ? [record.answeredWithin48h, record.repliedAt === null]
          : null,
      ),
    ).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
  });

  it('reads submissions exactly to the fen, and lets only expansion exceed 100 %', async () => {
    const { records, summary } = await read(
      'submissions',
      'period,agency_code,indicator_code,numerator,denominator\n2026-10,330102,collection,7624,8682\n2026-10,330102,enrollment_expansion,10001,10000\n2026-10,330105,collection,0.1,0.30\n',
    );
    expect(summary.errorCount).toBe(0);
    expect(records).toEqual([
      {
        period: '2026-10',
        agencyCode: '330102',
        indicatorCode: 'collection',
        numerator: '7624.00',
        denominator: '8682.00',
      },
      {
        period: '2026-10',
        agencyCode: '330102',
        indicatorCode: 'enrollment_expansion',
        numerator: '10001.00',
        denominator: '10000.00',
      },
      {
        period: '2026-10',
        agencyCode: '330105',
        indicatorCode: 'collection',
        numerator: '0.10',
        denominator: '0.30',
      },
    ]);
  });

  it('numbers rows as Excel shows them: blank lines count, a quoted value over two lines is one row', async () => {
    const { summary } = await read(
      'ratings',
      'agency_code,rated_at,channel,level\n\n"330102",2026-10-02T10:00:00+08:00,"win\ndow",5\n330102,2026-10-02T10:00:00+08:00,window,9\n',
    );
    expect(summary.rows).toBe(2);
    expect(summary.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'channel', value: 'win\ndow' }),
      expect.objectContaining({ row: 4, field: 'level', value: '9' }),
    ]);
  });

  it('lists every problem of a row, and stops handing out records after the first bad row', async () => {
    const good = '330102,2026-10-02T10:00:00+08:00,window,5\n';
    const { records, batches, summary } = await read(
      'ratings',
      `agency_code,rated_at,channel,level\n${good.repeat(3)}12345,soon,fax,0\n${good.repeat(20_000)}`,
    );
    expect(summary.rows).toBe(20_004);
    expect(summary.errors.map((error) => [error.row, error.field])).toEqual([
      [5, 'agency_code'],
      [5, 'rated_at'],
      [5, 'channel'],
      [5, 'level'],
    ]);
    expect(batches).toBe(0);
    expect(records).toEqual([]);
  });

  it('streams valid records in batches', async () => {
    const good = '330102,2026-10-02T10:00:00+08:00,app,4\n';
    const { records, batches, summary } = await read(
      'ratings',
      `agency_code,rated_at,channel,level\n${good.repeat(12_001)}`,
    );
    expect(summary).toMatchObject({ rows: 12_001, errorCount: 0 });
    expect(records).toHaveLength(12_001);
    expect(batches).toBe(3);
  });

  it('lists the first maxErrors errors and counts them all', async () => {
    const bad = '330102,2026-10-02T10:00:00+08:00,window,7\n';
    const { summary } = await read(
      'ratings',
      `agency_code,rated_at,channel,level\n${bad.repeat(25)}`,
      { context: { maxErrors: 10 } },
    );
    expect(summary.errorCount).toBe(25);
    expect(summary.errors).toHaveLength(10);
    expect(summary.errors[9].row).toBe(11);
  });

  it('refuses a row with more values than the header', async () => {
    const { summary } = await read(
      'ratings',
      'agency_code,rated_at,channel,level\n330102,2026-10-02T10:00:00+08:00,window,5,extra\n',
    );
    expect(summary.errors).toEqual([
      expect.objectContaining({ row: 2, field: '', value: 'extra' }),
    ]);
  });

  it('refuses broken quoting with the row it happened on', async () => {
    const { summary } = await read(
      'ratings',
      'agency_code,rated_at,channel,level\n330102,2026-10-02T10:00:00+08:00,"window,5\n',
    );
    expect(summary.errors).toEqual([
      expect.objectContaining({ row: 2, field: '', message: expect.stringMatching(/malformed/) }),
    ]);
  });

  it('treats signed numbers as figures and =, +, @ text as formulas', async () => {
    const { summary } = await read(
      'submissions',
      'period,agency_code,indicator_code,numerator,denominator\n2026-10,330102,collection,-5,10\n2026-10,330102,satisfaction,+1,@SUM(A1)\n',
    );
    expect(summary.errors.map((error) => [error.row, error.field, error.message])).toEqual([
      [2, 'numerator', 'must not be negative'],
      [3, 'numerator', 'must be a number'],
      [3, 'denominator', expect.stringMatching(/formula/)],
    ]);
  });

  it('reads an XLSX workbook: Chinese headers, date cells, numbers and codes typed as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('填报');
    sheet.addRow(['统计月份', '机构编码', '指标编码', '分子', '分母']);
    sheet.addRow(['2026-10', 330102, 'collection', 1234.56, 2000]);
    sheet.addRow([]);
    sheet.addRow([
      '2026-10',
      '330105',
      'enrollment_expansion',
      { richText: [{ text: '12' }, { text: '0' }] },
      100,
    ]);
    workbook.addWorksheet('说明').addRow(['not read']);
    const ratings = new ExcelJS.Workbook();
    ratings.addWorksheet('评价').addRows([
      ['机构编码', '评价时间', '渠道', '评价等级'],
      ['330102', new Date(Date.UTC(2026, 9, 31, 23, 30)), '窗口', 5],
    ]);

    const figures = await read('submissions', Buffer.from(await workbook.xlsx.writeBuffer()), {
      fileName: '月报.XLSX',
    });
    expect(figures.summary).toEqual({ rows: 2, errorCount: 0, errors: [], encoding: null });
    expect(figures.records).toEqual([
      {
        period: '2026-10',
        agencyCode: '330102',
        indicatorCode: 'collection',
        numerator: '1234.56',
        denominator: '2000.00',
      },
      {
        period: '2026-10',
        agencyCode: '330105',
        indicatorCode: 'enrollment_expansion',
        numerator: '120.00',
        denominator: '100.00',
      },
    ]);
    const rated = await read('ratings', Buffer.from(await ratings.xlsx.writeBuffer()), {
      fileName: 'ratings.xlsx',
    });
    // 23:30 on 31 October, Beijing time: still October.
    expect(rated.records).toEqual([
      {
        period: '2026-10',
        agencyCode: '330102',
        ratedAt: new Date('2026-10-31T15:30:00Z'),
        channel: 'window',
        level: 5,
        ratingId: null,
        serviceItem: null,
        comment: null,
      },
    ]);
  });

  it('reads the optional 好差评 columns of ratings, and names both rows of a repeated rating id', async () => {
    const { records, summary } = await read(
      'ratings',
      '评价编号,机构编码,评价时间,渠道,评价等级,办理事项,评价内容\n' +
        'HC-1,330102,2026-10-03T09:00:00+08:00,窗口,1,医保关系转移,"等了很久, 没人管"\n' +
        'HC-2,330102,2026-10-04T09:00:00+08:00,窗口,5,,\n',
    );
    expect(summary.errorCount).toBe(0);
    expect(records[0]).toMatchObject({
      ratingId: 'HC-1',
      serviceItem: '医保关系转移',
      comment: '等了很久, 没人管',
    });
    // A good rating becomes no case: its details are not kept.
    expect(records[1]).toMatchObject({
      level: 5,
      ratingId: null,
      serviceItem: null,
      comment: null,
    });

    const repeated = await read(
      'ratings',
      'rating_id,agency_code,rated_at,channel,level\n' +
        'HC-1,330102,2026-10-03T09:00:00+08:00,window,1\n' +
        'HC-2,330102,2026-10-03T09:00:00+08:00,window,1\n' +
        'HC-1,330102,2026-10-04T09:00:00+08:00,window,2\n',
    );
    expect(repeated.summary.errors).toEqual([
      {
        row: 4,
        field: 'rating_id',
        value: 'HC-1',
        message: 'duplicate rating id "HC-1": row 2 has it too',
      },
    ]);
  });

  it('refuses formula cells in XLSX and a workbook that is not one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('评价').addRows([
      ['agency_code', 'rated_at', 'channel', 'level'],
      ['330102', '2026-10-03 10:00:00', 'window', { formula: '2+3', result: 5 }],
    ]);
    const { summary } = await read('ratings', Buffer.from(await workbook.xlsx.writeBuffer()), {
      fileName: 'ratings.xlsx',
    });
    expect(summary.errors).toEqual([
      { row: 2, field: 'level', value: '=2+3', message: expect.stringMatching(/formula/) },
    ]);

    const broken = await read('ratings', 'agency_code,rated_at\n', { fileName: 'ratings.xlsx' });
    expect(broken.summary.errors).toEqual([
      expect.objectContaining({ row: 0, message: expect.stringMatching(/XLSX/) }),
    ]);
  });

  it('refuses other file types by name', async () => {
    expect(
      (await read('ratings', 'x', { fileName: 'ratings.xls' })).summary.errors[0].message,
    ).toMatch(/XLS workbooks/);
    expect((await read('ratings', 'x', { fileName: 'ratings' })).summary.errors[0].message).toMatch(
      /unsupported file type/,
    );
  });

  it('passes on failures that are not the file’s fault', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk gone'));
      },
    });
    const reader = readImportFile({
      stream: failing,
      fileName: 'ratings.csv',
      context: context('ratings'),
      xlsxLimits: { maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 },
    });
    await expect(
      (async () => {
        for await (const batch of reader.batches) void batch;
      })(),
    ).rejects.toThrow('disk gone');
    await expect(reader.summary).rejects.toThrow('disk gone');
  });
});
