import { CsvError, parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { csvRows } from './csv-rows';
import type { ImportRow } from './import-cell';
import { ImportFileError } from './import-file.error';

/** A small deterministic generator (mulberry32), so that a failing case can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text made of what matters to CSV: separators, quotes, line breaks of every kind, and values. */
function csvText(next: () => number, { quotes }: { quotes: boolean }): string {
  const pieces = ['330102', '2026-10-05T09:30:00+08:00', 'window', '5', '窗口', ' ', 'a', ''];
  const separators = [',', ',', ',', '\n', '\n', '\r\n', '\r\n'];
  const rare = quotes
    ? ['"', '""', '"a,b"', '"x\ny"', '\r', '\n\n', 'a"b']
    : ['\r', '\n\n', '\r\n\r\n'];
  const lineBreak = next() < 0.5 ? '\n' : '\r\n';
  let text = '';
  const length = 1 + Math.floor(next() * 60);
  for (let i = 0; i < length; i++) {
    const roll = next();
    if (roll < 0.05) text += rare[Math.floor(next() * rare.length)];
    else if (roll < 0.55) text += pieces[Math.floor(next() * pieces.length)];
    else {
      const separator = separators[Math.floor(next() * separators.length)] as string;
      text += separator === ',' ? ',' : lineBreak;
    }
  }
  return next() < 0.7 ? text + lineBreak : text;
}

/** Splits the bytes at random places, as a stream would hand them on. */
function chunked(bytes: Buffer, next: () => number): Buffer[] {
  const chunks: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    const size = 1 + Math.floor(next() * 24);
    chunks.push(bytes.subarray(start, start + size));
    start += size;
  }
  return chunks;
}

type Outcome = { rows: ImportRow[] } | { malformedAt: number };

async function ours(chunks: Buffer[]): Promise<Outcome> {
  const rows: ImportRow[] = [];
  try {
    for await (const chunk of csvRows(Readable.from(chunks))) rows.push(...chunk);
  } catch (error) {
    if (error instanceof ImportFileError && error.problem.key === 'csv.malformed')
      return { malformedAt: error.row };
    throw error;
  }
  return { rows };
}

/** What csv-parse makes of the whole text at once, with the options the reader always used. */
function library(text: string): Outcome {
  try {
    const records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return { rows: records.map((cells, i) => ({ row: i + 1, cells })) };
  } catch (error) {
    if (error instanceof CsvError) return { malformedAt: (error['records'] as number) + 1 };
    throw error;
  }
}

describe('csvRows', () => {
  it.each([
    ['plain lines', 'a,b\nc,d\n'],
    ['Windows line breaks', 'a,b\r\nc,d\r\n'],
    ['blank lines and no final break', 'a\n\n,\nb'],
    ['a quoted value spanning lines', 'a,b\n"x\ny",z\nc,d\n'],
    ['a quote from the first line on', '"a",b\nc,d\n'],
    ['a bare carriage return as the line break', 'a,b\rc,d\r'],
    ['a stray carriage return in a file of line feeds', 'a,b\nc\r,d\ne,f\n'],
    ['a line feed alone in a file of CRLF', 'a,b\r\nc,d\ne,f\r\n'],
    ['an unclosed quote', 'a,b\nc,d\n"e,f\n'],
  ])('reads %s as csv-parse does', async (_name, text) => {
    const next = random(7);
    expect(await ours(chunked(Buffer.from(text), next))).toEqual(library(text));
    expect(await ours([Buffer.from(text)])).toEqual(library(text));
  });

  it('reads any text as csv-parse reads it, however the stream cuts it (2,000 random files)', async () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const next = random(seed);
      const text = csvText(next, { quotes: seed % 2 === 0 });
      const expected = library(text);
      const actual = await ours(chunked(Buffer.from(text), next));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        // The seed and text of the first difference, to run it again.
        expect({ seed, text, actual }).toEqual({ seed, text, actual: expected });
      }
    }
  });

  it('numbers a malformed row after many plain ones as Excel shows it', async () => {
    const lines = Array.from({ length: 9_999 }, () => '330102,2026-10-05T09:30:00+08:00,window,5');
    const text = `agency_code,rated_at,channel,level\n${lines.join('\n')}\n330102,"2026-10-05,window,5\n`;
    expect(await ours(chunked(Buffer.from(text), random(3)))).toEqual({ malformedAt: 10_001 });
  });
});
