import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type FieldProblem, InvalidInputError } from '../common/api.errors';
import { readCalendarSpreadsheet } from './calendar-spreadsheet';

const csv = (text: string) => ({ bytes: Buffer.from(text, 'utf8'), fileName: 'c.csv', year: 2026 });

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('日历');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The problems as an English reader gets them. */
function inEnglish(problems: FieldProblem[]) {
  return new InvalidInputError(problems).errorsIn('en');
}

describe('readCalendarSpreadsheet', () => {
  it.each<[string, string]>([
    ['2026-10-01', '2026-10-01'],
    ['2026/10/1', '2026-10-01'],
    ['2026.1.2', '2026-01-02'],
    ['2026年10月1日', '2026-10-01'],
    [' 2026-12-31 ', '2026-12-31'],
  ])('reads the date %p as %p', async (written, day) => {
    const read = await readCalendarSpreadsheet(csv(`日期,类型\n${written},节假日\n`));
    expect(read).toEqual({ holidays: [day], workdays: [], errors: [] });
  });

  it.each<[string, 'holidays' | 'workdays']>([
    ['节假日', 'holidays'],
    ['休', 'holidays'],
    ['Holiday', 'holidays'],
    ['调休上班', 'workdays'],
    ['班', 'workdays'],
    ['WORKDAY', 'workdays'],
  ])('reads the type %p', async (type, list) => {
    const read = await readCalendarSpreadsheet(csv(`date,type\n2026-10-10,${type}\n`));
    expect(inEnglish(read.errors)).toEqual([]);
    expect(read[list]).toEqual(['2026-10-10']);
  });

  it('reads a GBK CSV with columns in any order and notes beside them', async () => {
    const bytes = iconv.encode(
      '说明,类型,日期\r\n国庆节,节假日,2026-10-01\r\n,调休上班,2026-10-10\r\n',
      'gbk',
    );
    const read = await readCalendarSpreadsheet({ bytes, fileName: '日历.CSV', year: 2026 });
    expect(read).toEqual({ holidays: ['2026-10-01'], workdays: ['2026-10-10'], errors: [] });
  });

  it('reads XLSX date cells, Excel day numbers and text dates', async () => {
    const bytes = await xlsx([
      ['日期', '类型'],
      [new Date(Date.UTC(2026, 9, 1)), '节假日'],
      [46297, '节假日'], // Excel's day number of 2026-10-02
      ['2026-10-10', '调休上班'],
    ]);
    const read = await readCalendarSpreadsheet({ bytes, fileName: 'c.xlsx', year: 2026 });
    expect(read).toEqual({
      holidays: ['2026-10-01', '2026-10-02'],
      workdays: ['2026-10-10'],
      errors: [],
    });
  });

  it('names every bad row as Excel shows it and keeps none of the days', async () => {
    const bytes = await xlsx([
      ['日期', '类型'],
      ['2026-10-01', '节假日'],
      [{ formula: 'TODAY()' } as ExcelJS.CellFormulaValue, '节假日'],
      ['2026-02-29', '节假日'],
      ['2026-10-03', ''],
    ]);
    const read = await readCalendarSpreadsheet({ bytes, fileName: 'c.xlsx', year: 2026 });
    expect(read.holidays).toEqual([]);
    expect(inEnglish(read.errors)).toEqual([
      { row: 3, field: '日期', message: '=TODAY() is not a date such as 2026-10-01' },
      { row: 4, field: '日期', message: '"2026-02-29" is not a date such as 2026-10-01' },
      {
        row: 5,
        field: '类型',
        message: '(empty) is neither 节假日 (holiday) nor 调休上班 (workday)',
      },
    ]);
  });

  it('refuses an empty file, a header without days, and a file of another kind', async () => {
    expect(inEnglish((await readCalendarSpreadsheet(csv(''))).errors)).toEqual([
      { row: 0, field: '', message: 'the file is empty: no header and no data rows' },
    ]);
    expect(inEnglish((await readCalendarSpreadsheet(csv('日期,类型\n'))).errors)).toEqual([
      { row: 0, field: '', message: 'the file has a header but no days' },
    ]);
    const xls = await readCalendarSpreadsheet({
      bytes: Buffer.from('x'),
      fileName: 'c.xls',
      year: 2026,
    });
    expect(xls.errors).toEqual([expect.objectContaining({ row: 0, field: '' })]);
  });

  it('stops a file far longer than a year', async () => {
    const rows = Array.from({ length: 1_001 }, (_, i) => `2026-01-01,节假日${i}`).join('\n');
    const read = await readCalendarSpreadsheet(csv(`日期,类型\n${rows}\n`));
    expect(inEnglish(read.errors).at(-1)).toEqual({
      row: 1_002,
      field: '',
      message: 'more than 1000 rows: a year has 366 days at most',
    });
  });
});
