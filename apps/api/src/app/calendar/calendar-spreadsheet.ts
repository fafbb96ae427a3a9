import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { isIsoDay } from '@scorecard/scoring';
import {
  csvRows,
  type ImportCell,
  ImportFileError,
  type ImportRow,
  isFormulaCell,
  renderImportMessage,
  xlsxRows,
} from '@scorecard/server-imports';
import type { FieldProblem } from '../common/api.errors';

/** A calendar has at most 366 days; a file far longer than that is not a calendar. */
const MAX_DATA_ROWS = 1_000;
/** What a calendar workbook's parts may inflate to: far above a year of days, far below harm. */
const CALENDAR_XLSX_LIMITS = { maxPartBytes: 16 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 };

const DATE_HEADERS = ['日期', 'date'];
const TYPE_HEADERS = ['类型', 'type'];
const HOLIDAY_WORDS = ['节假日', '假日', '休', '放假', 'holiday'];
const WORKDAY_WORDS = ['调休上班', '上班', '班', 'workday'];

export interface CalendarSpreadsheet {
  holidays: string[];
  workdays: string[];
  errors: FieldProblem[];
}

/**
 * Reads a calendar spreadsheet (CSV in UTF-8 or GBK, or XLSX): a header naming 日期/date and
 * 类型/type (节假日/holiday or 调休上班/workday), then one day a row. Every problem is named by
 * the row as Excel shows it and the column as the file heads it; other columns are notes.
 */
export async function readCalendarSpreadsheet(args: {
  bytes: Buffer;
  fileName: string;
  year: number;
}): Promise<CalendarSpreadsheet> {
  const read = await readAll(args);
  // All or nothing: a file with one bad row yields no days at all.
  return read.errors.length > 0 ? { holidays: [], workdays: [], errors: read.errors } : read;
}

async function readAll(args: {
  bytes: Buffer;
  fileName: string;
  year: number;
}): Promise<CalendarSpreadsheet> {
  const { year } = args;
  const result: CalendarSpreadsheet = { holidays: [], workdays: [], errors: [] };
  const seen = new Map<string, number>();
  let columns: { date: number; type: number; dateName: string; typeName: string } | null = null;
  let dataRows = 0;
  try {
    for await (const chunk of rowsOf(args.fileName, args.bytes)) {
      for (const { row, cells } of chunk) {
        if (cells.every((cell) => cell === null || String(cell).trim() === '')) continue;
        if (columns === null) {
          columns = headerOf(cells, row, result.errors);
          if (columns === null) return result;
          continue;
        }
        if (++dataRows > MAX_DATA_ROWS) {
          result.errors.push({
            row,
            field: '',
            key: 'calendar.tooManyRows',
            params: { max: MAX_DATA_ROWS },
          });
          return result;
        }
        const day = dayOf(cells[columns.date] ?? null);
        const kind = kindOf(cells[columns.type] ?? null);
        if (day === null) {
          result.errors.push({
            row,
            field: columns.dateName,
            key: 'calendar.notADateLike',
            params: { value: shown(cells[columns.date]), example: `${year}-10-01` },
          });
        } else if (Number(day.slice(0, 4)) !== year) {
          result.errors.push({
            row,
            field: columns.dateName,
            key: 'calendar.outsideYear',
            params: { day, year },
          });
        } else if (seen.has(day)) {
          result.errors.push({
            row,
            field: columns.dateName,
            key: 'calendar.listedInRow',
            params: { day, row: seen.get(day) ?? 0 },
          });
        } else {
          seen.set(day, row);
        }
        if (kind === null) {
          result.errors.push({
            row,
            field: columns.typeName,
            key: 'calendar.unknownType',
            params: { value: shown(cells[columns.type]) },
          });
        }
        if (day !== null && kind !== null && result.errors.length === 0) result[kind].push(day);
      }
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    result.errors.push({
      row: error.row,
      field: '',
      words: {
        'zh-CN': renderImportMessage(error.problem, 'zh-CN'),
        en: renderImportMessage(error.problem, 'en'),
      },
    });
    return result;
  }
  if (columns === null)
    result.errors.push({
      row: 0,
      field: '',
      key: 'calendar.emptyFile',
    });
  else if (dataRows === 0) result.errors.push({ row: 0, field: '', key: 'calendar.noDays' });
  return result;
}

function rowsOf(fileName: string, bytes: Buffer): AsyncIterable<ImportRow[]> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return csvRows(Readable.from([bytes]));
  if (extension === '.xlsx') return xlsxRows(Readable.from([bytes]), CALENDAR_XLSX_LIMITS);
  throw new ImportFileError({
    key: 'file.unsupportedType',
    params: { type: extension || fileName },
  });
}

function headerOf(
  cells: ImportCell[],
  row: number,
  errors: FieldProblem[],
): { date: number; type: number; dateName: string; typeName: string } | null {
  const names = cells.map((cell) => (typeof cell === 'string' ? cell.trim() : ''));
  const find = (accepted: string[]) =>
    names.findIndex((name) => accepted.includes(name.toLowerCase()));
  const date = find(DATE_HEADERS);
  const type = find(TYPE_HEADERS);
  if (date < 0) errors.push({ row, field: '日期', key: 'calendar.noDateColumn' });
  if (type < 0) errors.push({ row, field: '类型', key: 'calendar.noTypeColumn' });
  if (date < 0 || type < 0) return null;
  return { date, type, dateName: names[date], typeName: names[type] };
}

/** An ISO day from a date cell (Excel's wall-clock date), an Excel day number or written text. */
function dayOf(cell: ImportCell): string | null {
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return null;
    return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof cell !== 'string') return null;
  const match = /^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?$/.exec(
    cell.trim(),
  );
  if (!match) return null;
  const day = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isIsoDay(day) ? day : null;
}

function kindOf(cell: ImportCell): 'holidays' | 'workdays' | null {
  if (typeof cell !== 'string') return null;
  const word = cell.trim().toLowerCase();
  if (HOLIDAY_WORDS.includes(word)) return 'holidays';
  if (WORKDAY_WORDS.includes(word)) return 'workdays';
  return null;
}

function shown(cell: ImportCell | undefined): string {
  if (cell === null || cell === undefined || cell === '') return '(empty)';
  if (cell instanceof Date) return cell.toISOString();
  if (isFormulaCell(cell)) return `=${cell.formula}`;
  return `"${String(cell)}"`;
}
