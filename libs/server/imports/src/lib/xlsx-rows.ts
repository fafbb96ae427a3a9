import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ImportCell, ImportRow } from './import-cell';
import { ImportFileError } from './import-file.error';
import { SharedStrings } from './shared-strings';

/** How far the parts of a workbook may inflate: a small file must not become gigabytes. */
export interface XlsxLimits {
  /** Largest inflated size of any one part (a worksheet, the shared strings), in bytes. */
  maxPartBytes: number;
  /** Largest inflated size of all parts together, in bytes. */
  maxTotalBytes: number;
}

/** A zip entry as unzipper streams it: the inflated bytes of one part. */
interface ZipEntry extends Readable {
  path: string;
  type: 'File' | 'Directory';
}

// unzipper ships no types; it is the zip reader ExcelJS itself streams workbooks with.
const unzipper = createRequire(__filename)('unzipper') as {
  Parse(options: { forceStream: true }): NodeJS.ReadWriteStream & AsyncIterable<ZipEntry>;
};

/** Excel's own limits: 16,384 columns (XFD), 32,767 characters in a cell. */
const MAX_COLUMNS = 16_384;
const MAX_CELL_CHARS = 32_767;
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * The rows of the first worksheet of an XLSX workbook, streamed; Excel's own row numbers. Every part
 * is counted as it inflates and the file is refused as soon as a part or the whole goes past the
 * limits; the worksheet is parsed as it streams (or from a temporary file when the shared strings
 * come after it in the zip), never held whole.
 */
export async function* xlsxRows(bytes: Readable, limits: XlsxLimits): AsyncGenerator<ImportRow[]> {
  const zip = unzipper.Parse({ forceStream: true });
  bytes.on('error', (error) => zip.emit('error', error));
  bytes.pipe(zip);
  const inflated = { total: 0 };
  const book: Workbook = { sharedStrings: null, dateStyles: null, date1904: false };
  let sheetSeen = false;
  let spooled: { dir: string; path: string } | null = null;
  try {
    for await (const entry of zip) {
      const part = entry.path;
      const counted = entry.pipe(new InflateLimit(part, limits, inflated));
      entry.on('error', (error) => counted.destroy(error));
      if (part === 'xl/sharedStrings.xml') {
        book.sharedStrings = await readSharedStrings(counted);
      } else if (part === 'xl/styles.xml') {
        book.dateStyles = await readDateStyles(counted);
      } else if (part === 'xl/workbook.xml') {
        book.date1904 = await readDate1904(counted);
      } else if (!sheetSeen && WORKSHEET.test(part)) {
        sheetSeen = true;
        if (book.sharedStrings !== null && book.dateStyles !== null) {
          yield* sheetRows(counted, book);
        } else {
          // The parts it refers to may still come: keep it on disk until they have.
          const dir = await mkdtemp(join(tmpdir(), 'scorecard-xlsx-'));
          spooled = { dir, path: join(dir, 'sheet.xml') };
          await pipeline(counted, createWriteStream(spooled.path));
        }
      } else {
        // Only the first worksheet holds the records; the rest is still counted as it inflates.
        await drain(counted);
      }
    }
    if (!sheetSeen) throw new ImportFileError({ key: 'xlsx.noWorksheet' });
    if (spooled) yield* sheetRows(createReadStream(spooled.path), book);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError({
      key: 'xlsx.unreadable',
      params: { detail: (error as Error).message },
    });
  } finally {
    bytes.unpipe(zip);
    bytes.destroy();
    if (spooled) await rm(spooled.dir, { recursive: true, force: true });
  }
}

interface Workbook {
  sharedStrings: SharedStrings | null;
  /** Style indexes (`s` of a cell) whose number format shows a date or time. */
  dateStyles: ReadonlySet<number> | null;
  date1904: boolean;
}

/** Counts the inflated bytes of a part and stops the file at the first byte past a limit. */
class InflateLimit extends Transform {
  private part = 0;

  constructor(
    private readonly name: string,
    private readonly limits: XlsxLimits,
    private readonly inflated: { total: number },
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.part += chunk.length;
    this.inflated.total += chunk.length;
    if (this.part > this.limits.maxPartBytes) {
      callback(
        new ImportFileError({
          key: 'xlsx.partTooLarge',
          params: { part: this.name, limit: mebibytes(this.limits.maxPartBytes) },
        }),
      );
    } else if (this.inflated.total > this.limits.maxTotalBytes) {
      callback(
        new ImportFileError({
          key: 'xlsx.totalTooLarge',
          params: { limit: mebibytes(this.limits.maxTotalBytes) },
        }),
      );
    } else {
      callback(null, chunk);
    }
  }
}

function mebibytes(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
}

async function drain(stream: Readable): Promise<void> {
  for await (const chunk of stream) void chunk;
}

/** Local name of an element: some writers prefix SpreadsheetML (`x:row`). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Feeds a part to a SAX parser chunk by chunk; `after` runs between chunks (to hand out rows). */
async function* parseXml(
  stream: Readable,
  parser: SaxesParser,
  after: () => ImportRow[] | null = () => null,
): AsyncGenerator<ImportRow[]> {
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  // A chunk may end inside a character: the decoder keeps its first bytes for the next one.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    parser.write(decoder.write(chunk as Buffer));
    if (failure) throw failure;
    const rows = after();
    if (rows) yield rows;
  }
  parser.write(decoder.end());
  parser.close();
  if (failure) throw failure;
  const rows = after();
  if (rows) yield rows;
}

async function readSharedStrings(stream: Readable): Promise<SharedStrings> {
  const strings = new SharedStrings();
  const parser = new SaxesParser();
  let text: string | null = null;
  // Phonetic guides (rPh) are furigana, not part of the string.
  let phonetic = 0;
  let inT = false;
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'si') text = '';
    else if (name === 'rPh') phonetic += 1;
    else if (name === 't' && phonetic === 0) inT = true;
  });
  parser.on('text', (value) => {
    if (inT && text !== null) text += value;
  });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 't') inT = false;
    else if (name === 'rPh') phonetic -= 1;
    else if (name === 'si' && text !== null) {
      strings.add(text);
      text = null;
    }
  });
  for await (const rows of parseXml(stream, parser)) void rows;
  return strings;
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormatCode(code: string): boolean {
  // Quoted text, escapes and [colours]/[$-locale] say nothing about dates.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

async function readDateStyles(stream: Readable): Promise<Set<number>> {
  const customDates = new Set<number>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'numFmt') {
      const id = Number(tag.attributes['numFmtId']);
      if (isDateFormatCode(tag.attributes['formatCode'] ?? '')) customDates.add(id);
    } else if (name === 'cellXfs') {
      inCellXfs = true;
    } else if (name === 'xf' && inCellXfs) {
      styleFormats.push(Number(tag.attributes['numFmtId'] ?? 0));
    }
  });
  parser.on('closetag', (tag) => {
    if (local(tag.name) === 'cellXfs') inCellXfs = false;
  });
  for await (const rows of parseXml(stream, parser)) void rows;
  const dates = new Set<number>();
  styleFormats.forEach((format, index) => {
    if (DATE_FORMAT_IDS.has(format) || customDates.has(format)) dates.add(index);
  });
  return dates;
}

async function readDate1904(stream: Readable): Promise<boolean> {
  let date1904 = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (local(tag.name) === 'workbookPr') {
      const value = tag.attributes['date1904'];
      date1904 = value === '1' || value === 'true';
    }
  });
  for await (const rows of parseXml(stream, parser)) void rows;
  return date1904;
}

/** Column number (1-based) of a cell reference such as `AB12`. */
function columnOf(reference: string): number | null {
  const letters = /^([A-Z]+)\d*$/i.exec(reference)?.[1];
  if (!letters) return null;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

interface OpenCell {
  column: number;
  type: string;
  style: number;
  value: string;
  formula: string | null;
  inline: string;
}

function sheetRows(stream: Readable, book: Workbook): AsyncGenerator<ImportRow[]> {
  const strings = book.sharedStrings ?? new SharedStrings();
  const dateStyles = book.dateStyles ?? new Set<number>();
  const parser = new SaxesParser();
  let ready: ImportRow[] = [];
  let rowNumber = 0;
  let cells: ImportCell[] | null = null;
  let cell: OpenCell | null = null;
  // Which text the parser is in: a value, a formula, or an inline string's text.
  let into: 'v' | 'f' | 't' | null = null;
  let phonetic = 0;

  const append = (text: string) => {
    if (!cell) return;
    if (into === 'v') cell.value += text;
    else if (into === 'f') cell.formula = (cell.formula ?? '') + text;
    else if (into === 't' && phonetic === 0) cell.inline += text;
    if (cell.value.length + cell.inline.length > MAX_CELL_CHARS) {
      throw new ImportFileError(
        { key: 'xlsx.cellTooLong', params: { row: rowNumber, max: MAX_CELL_CHARS } },
        rowNumber,
      );
    }
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'row') {
      const declared = Number(tag.attributes['r']);
      rowNumber = Number.isInteger(declared) && declared > rowNumber ? declared : rowNumber + 1;
      cells = [];
    } else if (name === 'c' && cells) {
      const reference = tag.attributes['r'];
      const column = reference ? columnOf(reference) : cells.length + 1;
      if (column === null || column > MAX_COLUMNS) {
        throw new ImportFileError(
          { key: 'xlsx.beyondLastColumn', params: { row: rowNumber } },
          rowNumber,
        );
      }
      cell = {
        column,
        type: tag.attributes['t'] ?? 'n',
        style: Number(tag.attributes['s'] ?? 0),
        value: '',
        formula: null,
        inline: '',
      };
    } else if (cell && name === 'v') {
      into = 'v';
    } else if (cell && name === 'f') {
      into = 'f';
      cell.formula ??= '';
    } else if (cell && name === 't') {
      into = 't';
    } else if (cell && name === 'rPh') {
      phonetic += 1;
    }
  });
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 'v' || name === 'f' || name === 't') {
      into = null;
    } else if (name === 'rPh') {
      phonetic -= 1;
    } else if (name === 'c' && cell && cells) {
      while (cells.length < cell.column - 1) cells.push(null);
      cells[cell.column - 1] = cellValue(cell, strings, dateStyles, book.date1904);
      cell = null;
    } else if (name === 'row' && cells) {
      ready.push({ row: rowNumber, cells });
      cells = null;
    }
  });

  return parseXml(stream, parser, () => {
    if (ready.length === 0) return null;
    const rows = ready;
    ready = [];
    return rows;
  });
}

function cellValue(
  cell: OpenCell,
  strings: SharedStrings,
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): ImportCell {
  if (cell.formula !== null) return { formula: cell.formula };
  switch (cell.type) {
    case 's': {
      const text = strings.get(Number(cell.value));
      if (text === null) throw new ImportFileError({ key: 'xlsx.missingSharedString' });
      return text;
    }
    case 'inlineStr':
      return cell.inline;
    case 'str':
      return cell.value;
    case 'b':
      return cell.value === '1' || cell.value === 'true';
    case 'e':
      return cell.value;
    case 'd': {
      const at = new Date(`${cell.value.replace(/Z$/, '')}Z`);
      return Number.isNaN(at.getTime()) ? cell.value : at;
    }
    default: {
      if (cell.value === '') return null;
      const number = Number(cell.value);
      if (!Number.isFinite(number)) return cell.value;
      if (!dateStyles.has(cell.style)) return number;
      // Excel's serial day, its wall-clock time carried in the Date's UTC fields.
      return new Date(Math.round((number - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
    }
  }
}
