import { Readable } from 'node:stream';
import { decodeRecords, isEncodedRecords, RawRecordEncoder } from '@scorecard/server-database';
import type { ImportColumn } from './import-columns';
import { plainRecordLineReader } from './plain-record-lines';
import { readImportFile } from './read-import-file';
import type { ImportContext } from './validate-row';

/**
 * Plain lines of a raw-record CSV are read by a quicker path that makes no object per line. It
 * must decide exactly as the general reading: the same records, rows, errors and row numbers. A
 * quote in the header sends the whole file to the general reading (csv-parse), which reads these
 * unquoted lines alike: the same file both ways is compared.
 */
const NOW = new Date('2026-11-22T02:00:00Z');

function context(kind: 'ratings' | 'consultations'): ImportContext {
  return {
    kind,
    agenciesInScope: new Set(['330102', '330105', '330100']),
    knownAgencies: new Set(['330102', '330105', '330203']),
    // August is a month whose scheme lacks the derived indicators.
    indicatorsFor: (period) =>
      new Map(
        period === '2026-08'
          ? []
          : [
              ['satisfaction', { allowsOverTarget: false }],
              ['online_reply', { allowsOverTarget: false }],
            ],
      ),
    now: NOW,
    maxErrors: 100_000,
  };
}

async function read(kind: 'ratings' | 'consultations', text: string) {
  const reader = readImportFile({
    stream: Readable.from([Buffer.from(text)]),
    fileName: `${kind}.csv`,
    context: context(kind),
    xlsxLimits: { maxPartBytes: 1 << 20, maxTotalBytes: 1 << 20 },
  });
  const records = [];
  const tallies = [];
  for await (const batch of reader.batches) {
    if (!isEncodedRecords(batch)) throw new Error('raw records arrive encoded');
    records.push(...decodeRecords(kind, batch));
    tallies.push(
      JSON.stringify([...batch.tallies].map(([period, agencies]) => [period, [...agencies]])),
    );
  }
  return { records, tally: tallies.at(-1) ?? null, summary: await reader.summary };
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = [
  '330102',
  '330105',
  '330102',
  '330105',
  '330100',
  '999999',
  '3301',
  ' 330102',
  '330203',
  '',
];
const TIMES = [
  '2026-10-05T09:30:00+08:00',
  '2026-10-31T16:30:00Z',
  '2026-10-31T15:59:59Z',
  '2026-10-05 09:30:00',
  '2026-10-05T09:30:00-05:00',
  '2026/10/5 9:30',
  '2026-02-30T10:00:00+08:00',
  '2027-01-01T00:00:00+08:00',
  '2026-08-15T10:00:00+08:00',
  '2026-09-30T23:59:59+08:00',
  'abc',
  '',
];
const CHANNELS = [
  'window',
  'online',
  'phone',
  'app',
  'WINDOW',
  '窗口',
  '网厅',
  ' window',
  '=1+1',
  'fax',
  '',
  'constructor',
];
const LEVELS = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '5',
  '4',
  '5.0',
  '满意',
  '非常不满意',
  '6',
  '',
  '-1',
  ' 3',
  '0',
];

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)] as T;
}

function ratingsFile(seed: number, lines: number, withDetails: boolean): string {
  const next = random(seed);
  const ids: string[] = [];
  const out = [
    withDetails
      ? 'rating_id,agency_code,rated_at,channel,level,service_item,comment'
      : 'agency_code,rated_at,channel,level',
  ];
  for (let i = 0; i < lines; i++) {
    const roll = next();
    if (roll < 0.01) {
      out.push('');
      continue;
    }
    const fields = [
      pick(next, AGENCIES),
      pick(next, TIMES),
      pick(next, CHANNELS),
      pick(next, LEVELS),
    ];
    if (withDetails) {
      const idRoll = next();
      const id =
        idRoll < 0.2
          ? ''
          : idRoll < 0.25 && ids.length > 0
            ? pick(next, ids)
            : idRoll < 0.27
              ? '=cmd'
              : idRoll < 0.28
                ? 'X'.repeat(70)
                : `HC-${i}`;
      if (id.startsWith('HC-')) ids.push(id);
      fields.unshift(id);
      fields.push(pick(next, ['', '', '医保关系转移', '+x', '异地备案', 'Y'.repeat(250), ' 办理']));
      fields.push(pick(next, ['', '', '等了很久', '态度不好', '@x']));
    }
    // Now and then empty or filled fields past the columns.
    const tail = next();
    out.push(fields.join(',') + (tail < 0.02 ? ',,' : tail < 0.03 ? ',extra' : ''));
  }
  return `${out.join('\n')}\n`;
}

function consultationsFile(seed: number, lines: number): string {
  const next = random(seed);
  const out = ['agency_code,asked_at,replied_at'];
  for (let i = 0; i < lines; i++) {
    out.push(
      [
        pick(next, AGENCIES),
        pick(next, TIMES),
        pick(next, [...TIMES, '', '', '2026-10-07T09:30:00+08:00']),
      ].join(','),
    );
  }
  return `${out.join('\n')}\n`;
}

/** The same file with its header's first name quoted: read whole by the general reading. */
function generalOnly(text: string): string {
  const comma = text.indexOf(',');
  return `"${text.slice(0, comma)}"${text.slice(comma)}`;
}

function rowsWithErrors(summary: { errors: { row: number }[] }): Set<number> {
  return new Set(summary.errors.map((error) => error.row));
}

describe('plain raw-record lines', () => {
  it('takes a plain valid line itself, and leaves any other to the general reading', () => {
    const encoder = new RawRecordEncoder();
    const positions = new Map<ImportColumn, number>([
      ['agency_code', 0],
      ['rated_at', 1],
      ['channel', 2],
      ['level', 3],
    ]);
    const read = plainRecordLineReader({
      kind: 'ratings',
      positions,
      width: 4,
      context: context('ratings'),
      encoder,
      seenRatingIds: new Map(),
    });
    const line = (text: string) => read(`x${text}y`, 1, text.length + 1, 2);
    expect(line('330102,2026-10-05T09:30:00+08:00,窗口,2')).toBe(true);
    expect(line('330105,2026-10-31T16:30:00Z,app,5,,')).toBe(true);
    expect(line('330102,2026/10/5 9:30,window,5')).toBe(false);
    expect(line('330102,2026-10-05T09:30:00+08:00,window,5,extra')).toBe(false);
    expect(line('330203,2026-10-05T09:30:00+08:00,window,5')).toBe(false);
    expect(line('330102,2026-10-05T09:30:00+08:00,window')).toBe(false);
    expect(decodeRecords('ratings', encoder.take())).toEqual([
      {
        period: '2026-10',
        agencyCode: '330102',
        ratedAt: new Date('2026-10-05T01:30:00Z'),
        channel: 'window',
        level: 2,
        ratingId: null,
        serviceItem: null,
        comment: null,
      },
      // 00:30 on 1 November in Beijing: November.
      expect.objectContaining({
        period: '2026-11',
        agencyCode: '330105',
        channel: 'app',
        level: 5,
      }),
    ]);
  });

  it.each([1, 2, 3, 4])(
    'read ratings exactly as the general reading does (seed %i)',
    async (seed) => {
      for (const withDetails of [false, true]) {
        const file = ratingsFile(seed, 12_000, withDetails);
        const plain = await read('ratings', file);
        const general = await read('ratings', generalOnly(file));
        expect(plain.summary).toEqual(general.summary);
        expect(plain.summary.errorCount).toBeGreaterThan(0);
        // Records are kept only while the file has no error: compare each line's reading instead.
        const refused = rowsWithErrors(general.summary);
        const valid = file
          .split('\n')
          .filter((line, index) => index === 0 || !refused.has(index + 1));
        const validFile = valid.join('\n');
        const plainValid = await read('ratings', validFile);
        const generalValid = await read('ratings', generalOnly(validFile));
        expect(plainValid.summary).toEqual(generalValid.summary);
        expect(plainValid.summary.errorCount).toBe(0);
        expect(plainValid.records.length).toBeGreaterThan(500);
        expect(plainValid.records).toEqual(generalValid.records);
        expect(plainValid.tally).toEqual(generalValid.tally);
      }
    },
  );

  it.each([7, 8])(
    'read each line alone as the general reading does, valid or not (seed %i)',
    async (seed) => {
      // After a file's first error only the general reading runs: each line alone, then, to try every one.
      for (const [kind, file] of [
        ['ratings', ratingsFile(seed, 1_500, true)],
        ['ratings', ratingsFile(seed, 1_500, false)],
        ['consultations', consultationsFile(seed, 1_500)],
      ] as const) {
        const [header, ...lines] = file.split('\n');
        let accepted = 0;
        for (const line of new Set(lines)) {
          const alone = `${header}\n${line}\n`;
          const plain = await read(kind, alone);
          expect({ line, ...plain }).toEqual({ line, ...(await read(kind, generalOnly(alone))) });
          if (plain.records.length > 0) accepted += 1;
        }
        expect(accepted).toBeGreaterThan(50);
      }
    },
  );

  it.each([5, 6])(
    'read consultations exactly as the general reading does (seed %i)',
    async (seed) => {
      const file = consultationsFile(seed, 12_000);
      const general = await read('consultations', generalOnly(file));
      expect(await read('consultations', file)).toEqual(general);
      const refused = rowsWithErrors(general.summary);
      const validFile = file
        .split('\n')
        .filter((line, index) => index === 0 || !refused.has(index + 1))
        .join('\n');
      const generalValid = await read('consultations', generalOnly(validFile));
      expect(generalValid.records.length).toBeGreaterThan(500);
      expect(await read('consultations', validFile)).toEqual(generalValid);
    },
  );
});
