import { CsvError, parse } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import { decodeText, type TextEncoding } from './decode-text';
import type { ImportRow } from './import-cell';
import { ImportFileError } from './import-file.error';

/** Rows handed on at a time: one await per row would cost more than parsing it. */
const ROWS_PER_CHUNK = 1_000;

/**
 * The rows of a CSV file (UTF-8 or GBK), streamed in chunks. Row numbers are the rows Excel would
 * show: blank lines count, a quoted value spanning lines is one row.
 */
export async function* csvRows(
  bytes: Readable,
  onEncoding?: (encoding: TextEncoding) => void,
): AsyncGenerator<ImportRow[]> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: false });
  // Errors of the source (encoding) reach the parser, and through it the loop below.
  pipeline(Readable.from(decodeText(bytes, onEncoding)), parser, () => undefined);
  let row = 0;
  try {
    for await (const records of chunksOf(parser)) {
      const rows: ImportRow[] = new Array(records.length);
      for (let i = 0; i < records.length; i++) rows[i] = { row: ++row, cells: records[i] };
      yield rows;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // The parser may be ahead of the rows taken so far: its own count says where it stopped.
      const parsed = typeof error['records'] === 'number' ? (error['records'] as number) : row;
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
