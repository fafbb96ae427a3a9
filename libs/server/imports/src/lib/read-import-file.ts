import {
  type EncodedRecords,
  type ImportErrorRecord,
  RawRecordEncoder,
  type StagedConsultation,
  type StagedRating,
  type StagedRecord,
} from '@scorecard/server-database';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { csvRows, type PlainLineConsumer } from './csv-rows';
import type { TextEncoding } from './decode-text';
import type { ImportCell, ImportRow } from './import-cell';
import { type ImportColumn, mapHeader } from './import-columns';
import { ImportFileError } from './import-file.error';
import { plainRecordLineReader } from './plain-record-lines';
import { createRowValidator, type ImportContext, type RowValidator } from './validate-row';
import { type XlsxLimits, xlsxRows } from './xlsx-rows';

export interface ImportSummary {
  /** Data rows read (blank rows not counted). */
  rows: number;
  errorCount: number;
  /** The first `maxErrors` errors, in file order; fields named as the file's header named them. */
  errors: ImportErrorRecord[];
  /** Text encoding of a CSV file; null for XLSX. */
  encoding: TextEncoding | null;
}

export interface ImportFileReader {
  /**
   * The valid records in batches, read as they are consumed: raw records (ratings, consultations)
   * already encoded for COPY, submissions as objects. After the first bad row nothing more is
   * yielded (the file will be refused), but the rest is still read to count every error.
   */
  batches: AsyncIterable<StagedRecord[] | EncodedRecords>;
  /** Settles once `batches` is exhausted. */
  summary: Promise<ImportSummary>;
}

const BATCH_SIZE = 5_000;

/** Reads an import file as a stream (never whole into memory), validating every row. */
export function readImportFile(args: {
  stream: Readable;
  fileName: string;
  context: ImportContext;
  /** How far an XLSX file's parts may inflate. */
  xlsxLimits: XlsxLimits;
}): ImportFileReader {
  let settle: (summary: ImportSummary) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const summary = new Promise<ImportSummary>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // Whoever stops reading early (a failed COPY) never awaits the summary: not an unhandled rejection.
  summary.catch(() => undefined);

  async function* batches(): AsyncGenerator<StagedRecord[] | EncodedRecords> {
    const { context, stream } = args;
    const errors: ImportErrorRecord[] = [];
    let errorCount = 0;
    let rows = 0;
    let encoding: TextEncoding | null = null;
    // The file's own names of its columns: errors name fields as the person wrote them (机构编码).
    const headerNames = new Map<string, string>();
    const report = (error: ImportErrorRecord) => {
      errorCount += 1;
      if (errors.length < context.maxErrors)
        errors.push({ ...error, field: headerNames.get(error.field) ?? error.field });
    };
    try {
      // Raw records are encoded as they are read; submissions are few and stay objects.
      const encoder = context.kind === 'submissions' ? null : new RawRecordEncoder();
      const seenRatingIds = new Map<string, number>();
      let plainLines: PlainLineConsumer | null = null;
      const source = rowsOf(
        args.fileName,
        stream,
        args.xlsxLimits,
        (detected) => (encoding = detected),
        encoder === null ? undefined : () => plainLines,
      );
      let validate: RowValidator | null = null;
      let positions: Map<ImportColumn, number> | null = null;
      let width = 0;
      // One reader of the current row's cells for every row, rather than a new one per row.
      let current: ImportCell[] = [];
      const cellOf = (column: ImportColumn): ImportCell =>
        current[(positions as Map<ImportColumn, number>).get(column) as number] ?? null;
      let batch: StagedRecord[] = [];
      /** A data row: validated, then kept (encoded or as an object) while the file has no error. */
      const take = (row: number, cells: ImportCell[]) => {
        if (isBlank(cells)) return;
        rows += 1;
        const extra = extraValue(cells, width);
        if (extra !== undefined) {
          report({ row, field: '', value: String(extra), key: 'row.extraValues' });
          return;
        }
        current = cells;
        const check = (validate as RowValidator)(cellOf, row);
        if ('problems' in check) {
          for (const problem of check.problems) report({ row, ...problem });
        } else if (errorCount === 0) {
          if (encoder === null) batch.push(check.record);
          else encoder.record(check.record as StagedRating | StagedConsultation);
        }
      };
      reading: for await (const chunk of source) {
        for (const { row, cells } of chunk) {
          if (positions !== null) {
            take(row, cells);
            continue;
          }
          if (isBlank(cells)) continue;
          if (positions === null) {
            const header = mapHeader(
              context.kind,
              cells.map((cell) => (typeof cell === 'string' ? cell : String(cell ?? ''))),
            );
            for (const problem of header.problems) report({ row, ...problem });
            if (header.problems.length > 0) break reading;
            positions = header.positions;
            width = Math.max(...positions.values()) + 1;
            for (const [column, position] of positions) {
              const written = cells[position];
              headerNames.set(
                column,
                (typeof written === 'string' ? written : String(written ?? ''))
                  .replace(/^\uFEFF/, '')
                  .trim(),
              );
            }
            validate = createRowValidator(
              context,
              (column) => headerNames.get(column) ?? column,
              seenRatingIds,
            );
            if (encoder !== null && context.kind !== 'submissions') {
              const plain = plainRecordLineReader({
                kind: context.kind,
                positions,
                width,
                context,
                encoder,
                seenRatingIds,
              });
              // A file with an error is refused: its lines are only checked, each as a row.
              plainLines = (text, start, end, row) => {
                if (errorCount === 0 && plain(text, start, end, row)) rows += 1;
                else take(row, text.slice(start, end).split(','));
              };
            }
          }
        }
        if (batch.length >= BATCH_SIZE) {
          yield batch;
          batch = [];
        }
        if (encoder !== null && encoder.pending >= BATCH_SIZE) {
          if (errorCount === 0) yield encoder.take();
          else encoder.take();
        }
      }
      if (positions === null && errorCount === 0) {
        report({ row: 0, field: '', value: '', key: 'file.empty' });
      } else if (positions !== null && rows === 0) {
        report({ row: 0, field: '', value: '', key: 'file.noRows' });
      }
      if (batch.length > 0 && errorCount === 0) yield batch;
      if (encoder !== null && encoder.pending > 0 && errorCount === 0) yield encoder.take();
      settle({ rows, errorCount, errors, encoding });
    } catch (error) {
      if (!(error instanceof ImportFileError)) {
        fail(error);
        throw error;
      }
      report({ row: error.row, field: '', value: '', ...error.problem });
      settle({ rows, errorCount, errors, encoding });
    } finally {
      stream.destroy();
    }
  }

  return { batches: batches(), summary };
}

function rowsOf(
  fileName: string,
  stream: Readable,
  xlsxLimits: XlsxLimits,
  onEncoding: (encoding: TextEncoding) => void,
  plainLines: (() => PlainLineConsumer | null) | undefined,
): AsyncIterable<ImportRow[]> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.csv' || extension === '.txt') return csvRows(stream, onEncoding, plainLines);
  if (extension === '.xlsx') return xlsxRows(stream, xlsxLimits);
  if (extension === '.xls') {
    throw new ImportFileError({ key: 'file.xls' });
  }
  throw new ImportFileError({
    key: 'file.unsupportedType',
    params: { type: extension || fileName },
  });
}

function isBlank(cells: ImportCell[]): boolean {
  for (const cell of cells) {
    if (!(cell === null || (typeof cell === 'string' && cell.trim() === ''))) return false;
  }
  return true;
}

/** The first value past the file's columns, if any. */
function extraValue(cells: ImportCell[], width: number): ImportCell | undefined {
  for (let i = width; i < cells.length; i++) {
    const cell = cells[i];
    if (cell !== null && cell !== '') return cell;
  }
  return undefined;
}
