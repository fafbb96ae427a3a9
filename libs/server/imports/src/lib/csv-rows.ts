import { CsvError, parse } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import { decodeText, type TextEncoding } from './decode-text';
import type { ImportRow } from './import-cell';
import { ImportFileError } from './import-file.error';

/**
 * The rows of a CSV file (UTF-8 or GBK), streamed. Row numbers are the rows Excel would show:
 * blank lines count, a quoted value spanning lines is one row.
 */
export async function* csvRows(
  bytes: Readable,
  onEncoding?: (encoding: TextEncoding) => void,
): AsyncGenerator<ImportRow> {
  const parser = parse({ relax_column_count: true, skip_empty_lines: false });
  // Errors of the source (encoding) reach the parser, and through it the loop below.
  pipeline(Readable.from(decodeText(bytes, onEncoding)), parser, () => undefined);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // The parser may be ahead of the rows taken so far: its own count says where it stopped.
      const parsed = typeof error['records'] === 'number' ? (error['records'] as number) : row;
      throw new ImportFileError(
        `the CSV is malformed in row ${parsed + 1}: ${error.message}`,
        parsed + 1,
      );
    }
    throw error;
  } finally {
    parser.destroy();
  }
}
