import { CsvError, parse } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import { decodeText, type TextEncoding } from './decode-text';
import type { ImportRow } from './import-cell';
import { ImportFileError } from './import-file.error';

/** Rows handed on at a time: one await per row would cost more than parsing it. */
const ROWS_PER_CHUNK = 1_000;
/** Plain lines a consumer takes before the reader may hand on what it made of them. */
const LINES_PER_PAUSE = 5_000;

type LineBreak = '\n' | '\r\n';

/** Takes a plain line (no quote) as the characters of `text` between `start` and `end`. */
export type PlainLineConsumer = (text: string, start: number, end: number, row: number) => void;

/**
 * The rows of a CSV file (UTF-8 or GBK), streamed in chunks. Row numbers are the rows Excel would
 * show: blank lines count, a quoted value spanning lines is one row.
 *
 * Lines without a quote are split here, which is all a machine-written export holds and many
 * times faster than the general parser; from the first line that needs the CSV quoting rules (a
 * quote, or a line break other than the file's own) the rest of the file goes to csv-parse, which
 * then reads it exactly as it would have read the whole file.
 */
export async function* csvRows(
  bytes: Readable,
  onEncoding?: (encoding: TextEncoding) => void,
  /**
   * Once it gives a consumer, plain lines go to it instead of becoming rows (no array of cells made
   * per line); an empty chunk then says that lines were taken.
   */
  plainLines?: () => PlainLineConsumer | null,
): AsyncGenerator<ImportRow[]> {
  const texts = decodeText(bytes, onEncoding)[Symbol.asyncIterator]();
  let row = 0;
  let pending = '';
  // The file's line break, as csv-parse detects it: the first one in the file.
  let lineBreak: LineBreak | null = null;
  let rest: string | null = null;
  let handedOver = false;
  try {
    reading: for (;;) {
      const next = await texts.next();
      if (next.done) break;
      pending += next.value;
      if (lineBreak === null) {
        const found = firstLineBreak(pending);
        if (found === 'undecided') continue;
        if (found === 'general') {
          rest = pending;
          break;
        }
        lineBreak = found;
      }
      for (;;) {
        // Until a consumer takes the plain lines, one line at a time: the header that sets it up.
        const consumer = plainLines?.() ?? null;
        const lineByLine = plainLines !== undefined && consumer === null;
        const end = lineByLine ? pending.indexOf('\n') : pending.lastIndexOf('\n');
        if (end === -1) break;
        const { rows, stop, taken, paused } = splitLines(
          pending,
          end + 1,
          lineBreak,
          row,
          consumer,
        );
        row += rows.length + taken;
        if (rows.length > 0) yield* inChunks(rows);
        else if (taken > 0) yield [];
        if (stop !== -1) {
          rest = pending.slice(stop);
          break reading;
        }
        if (paused !== -1) {
          pending = pending.slice(paused);
          continue;
        }
        pending = pending.slice(end + 1);
        if (!lineByLine) break;
      }
    }
    if (rest === null) {
      // The last line, without a line break after it.
      if (pending === '') return;
      if (pending.includes('"') || pending.includes('\r')) rest = pending;
      else {
        yield [{ row: ++row, cells: pending.split(',') }];
        return;
      }
    }
    handedOver = true;
    yield* generalRows(rest, texts, lineBreak, row);
  } finally {
    // Read no further: the file's stream is closed with the decoder (the parser closes its own).
    if (!handedOver) await texts.return?.(undefined);
  }
}

/** The line break of a file from its first one; `general` when the library must read it all. */
function firstLineBreak(text: string): LineBreak | 'general' | 'undecided' {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return 'general';
    if (code === 0x0a) return '\n';
    if (code === 0x0d) {
      if (i + 1 === text.length) return 'undecided';
      return text.charCodeAt(i + 1) === 0x0a ? '\r\n' : 'general';
    }
  }
  return 'undecided';
}

/**
 * The rows of the complete lines in `text` before `end` (just after a line feed). `stop` is where
 * the first line that needs the general parser starts (-1 when none does).
 */
function splitLines(
  text: string,
  end: number,
  lineBreak: LineBreak,
  firstRow: number,
  consumer: PlainLineConsumer | null,
): { rows: ImportRow[]; stop: number; taken: number; paused: number } {
  // Lines up to the first quote, or stray carriage return, are plain.
  let plainEnd = end;
  const quote = text.indexOf('"');
  if (quote !== -1 && quote < plainEnd) plainEnd = text.lastIndexOf('\n', quote) + 1;
  if (lineBreak === '\n') {
    const cr = text.indexOf('\r');
    if (cr !== -1 && cr < plainEnd) plainEnd = text.lastIndexOf('\n', cr) + 1;
  }
  const rows: ImportRow[] = [];
  let row = firstRow;
  let start = 0;
  while (start < plainEnd) {
    const feed = text.indexOf('\n', start);
    let lineEnd = feed;
    if (lineBreak === '\r\n') {
      // Only a carriage return right before the line feed, and no other, ends a plain line.
      const cr = text.indexOf('\r', start);
      if (cr !== feed - 1)
        return { rows, stop: start, taken: row - firstRow - rows.length, paused: -1 };
      lineEnd = feed - 1;
    }
    if (consumer !== null) {
      consumer(text, start, lineEnd, ++row);
      // A pause now and then, for the consumer's reader to hand on what it took.
      if (row - firstRow === LINES_PER_PAUSE && feed + 1 < end)
        return { rows, stop: -1, taken: LINES_PER_PAUSE, paused: feed + 1 };
    } else rows.push({ row: ++row, cells: text.slice(start, lineEnd).split(',') });
    start = feed + 1;
  }
  return {
    rows,
    stop: plainEnd < end ? plainEnd : -1,
    taken: row - firstRow - rows.length,
    paused: -1,
  };
}

function* inChunks(rows: ImportRow[]): Generator<ImportRow[]> {
  if (rows.length <= ROWS_PER_CHUNK) {
    yield rows;
    return;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) yield rows.slice(i, i + ROWS_PER_CHUNK);
}

/** The rest of the file, from `rest` on, read by csv-parse; rows numbered on from `firstRow`. */
async function* generalRows(
  rest: string,
  texts: AsyncIterator<string>,
  lineBreak: LineBreak | null,
  firstRow: number,
): AsyncGenerator<ImportRow[]> {
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: false,
    ...(lineBreak === null ? {} : { record_delimiter: lineBreak }),
  });
  async function* text(): AsyncGenerator<string> {
    yield rest;
    for (;;) {
      const next = await texts.next();
      if (next.done) return;
      yield next.value;
    }
  }
  // Errors of the source (encoding) reach the parser, and through it the loop below.
  pipeline(Readable.from(text()), parser, () => undefined);
  let row = firstRow;
  try {
    for await (const records of chunksOf(parser)) {
      const rows: ImportRow[] = new Array(records.length);
      for (let i = 0; i < records.length; i++) rows[i] = { row: ++row, cells: records[i] };
      yield rows;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // The parser may be ahead of the rows taken so far: its own count says where it stopped.
      const parsed =
        typeof error['records'] === 'number' ? firstRow + (error['records'] as number) : row;
      throw new ImportFileError(
        { key: 'csv.malformed', params: { row: parsed + 1, detail: error.message } },
        parsed + 1,
      );
    }
    throw error;
  } finally {
    parser.destroy();
  }
}

/** The records of an object-mode stream, as many at a time as are buffered (up to a chunk). */
async function* chunksOf(stream: Readable): AsyncGenerator<string[][]> {
  let failure: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  stream.on('readable', () => wake?.());
  stream.on('end', () => {
    ended = true;
    wake?.();
  });
  stream.on('error', (error) => {
    failure = error;
    wake?.();
  });
  for (;;) {
    if (failure) throw failure;
    const chunk: string[][] = [];
    let record: string[] | null;
    while (chunk.length < ROWS_PER_CHUNK && (record = stream.read() as string[] | null) !== null) {
      chunk.push(record);
    }
    if (chunk.length > 0) {
      yield chunk;
      continue;
    }
    if (ended || stream.destroyed) {
      if (failure) throw failure;
      return;
    }
    // Events arrive on a later tick, so none is missed between read() and here.
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}
