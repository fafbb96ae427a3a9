import type { StagedConsultation, StagedRating } from './raw-record.importer';

/**
 * Raw records (ratings, consultations) in COPY's binary format, as the importer sends them to
 * PostgreSQL: no text for the server to parse. The file reader encodes each valid row as it reads
 * it, so that no object is kept per row; the importer only frames and sends what it is given.
 */

/** An agency-month's records in a file, and those that count towards its figure. */
export interface Tally {
  all: number;
  good: number;
  /** The start of each of its tuples: field count, month and agency code, encoded once. */
  prefix?: Buffer;
}

/** Tallies by month (YYYY-MM), then agency code. */
export type Tallies = Map<string, Map<string, Tally>>;

/** The columns a raw-record tuple fills, in its order; `import_id` is the staging table's default. */
export const ENCODED_COLUMNS = {
  ratings: 'period, agency_code, rated_at, channel, level',
  consultations: 'period, agency_code, asked_at, replied_at, answered_within_48h',
} as const;

/**
 * A file's bad ratings (level 1–2) with the details only their cases keep, as `import_bad_review`
 * holds them: the columns of each bad-rating tuple, in its order.
 */
export const BAD_RATING_COLUMNS =
  'period char(7), agency_code char(6), rating_id text, rated_at timestamptz, channel text, level smallint, service_item text, comment text';

/** Records of a file, encoded: what the reader hands the importer, batch by batch. */
export interface EncodedRecords {
  encoded: true;
  /** Tuples of ENCODED_COLUMNS, without COPY's header and trailer. */
  tuples: Buffer;
  /** Tuples of BAD_RATING_COLUMNS (ratings only; empty otherwise). */
  badRatings: Buffer;
  /** Records in `tuples`. */
  count: number;
  /** The file's tallies so far (one map, growing as the file is read). */
  tallies: Tallies;
}

export function isEncodedRecords(batch: unknown): batch is EncodedRecords {
  return typeof batch === 'object' && batch !== null && (batch as EncodedRecords).encoded === true;
}

/** Milliseconds between the Unix epoch and PostgreSQL's (2000-01-01). */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const ANSWER_WINDOW_MS = 48 * 3600_000;

/** COPY's binary header: signature, flags and header extension length. */
export function copyHeader(): Buffer {
  const header = Buffer.alloc(COPY_SIGNATURE.length + 8);
  COPY_SIGNATURE.copy(header);
  return header;
}

/** COPY's binary trailer: a tuple of -1 fields. */
export function copyTrailer(): Buffer {
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1);
  return trailer;
}

/**
 * Encodes raw records and tallies them per agency-month; `take` hands over what was encoded since
 * the last call.
 */
export class RawRecordEncoder {
  private tuples = new BinaryWriter(256 * 1024);
  private bad = new BinaryWriter(0);
  private count = 0;
  readonly tallies: Tallies = new Map();
  private lastPeriod = '';
  private agencies = new Map<string, Tally>();

  /** A rating; `ratedAt` in ms since the epoch. The details are kept for a bad rating only. */
  rating(
    period: string,
    agencyCode: string,
    ratedAt: number,
    channel: string,
    level: number,
    ratingId: string | null,
    serviceItem: string | null,
    comment: string | null,
  ): void {
    // Satisfied: 4 满意 or 5 非常满意.
    const tally = this.tally(period, agencyCode, level >= 4);
    const out = this.tuples;
    out.bytes(tally.prefix ?? (tally.prefix = tuplePrefix(period, agencyCode)));
    out.timestamp(ratedAt);
    out.ascii(channel);
    out.int32(2);
    out.int16(level);
    if (level <= 2) {
      const bad = this.bad;
      bad.int16(8);
      bad.ascii(period);
      bad.ascii(agencyCode);
      bad.text(ratingId);
      bad.timestamp(ratedAt);
      bad.ascii(channel);
      bad.int32(2);
      bad.int16(level);
      bad.text(serviceItem);
      bad.text(comment);
    }
  }

  /** A consultation; times in ms since the epoch. */
  consultation(
    period: string,
    agencyCode: string,
    askedAt: number,
    repliedAt: number | null,
  ): void {
    const answered = repliedAt !== null && repliedAt - askedAt <= ANSWER_WINDOW_MS;
    const tally = this.tally(period, agencyCode, answered);
    const out = this.tuples;
    out.bytes(tally.prefix ?? (tally.prefix = tuplePrefix(period, agencyCode)));
    out.timestamp(askedAt);
    if (repliedAt === null) out.int32(-1);
    else out.timestamp(repliedAt);
    out.int32(1);
    out.byte(answered ? 1 : 0);
  }

  /** A record read into an object (the general reading, an XLSX row), encoded as any other. */
  record(record: StagedRating | StagedConsultation): void {
    if ('ratedAt' in record)
      this.rating(
        record.period,
        record.agencyCode,
        record.ratedAt.getTime(),
        record.channel,
        record.level,
        record.ratingId ?? null,
        record.serviceItem ?? null,
        record.comment ?? null,
      );
    else
      this.consultation(
        record.period,
        record.agencyCode,
        record.askedAt.getTime(),
        record.repliedAt?.getTime() ?? null,
      );
  }

  /** Records encoded since the last call. */
  get pending(): number {
    return this.count;
  }

  take(): EncodedRecords {
    const batch: EncodedRecords = {
      encoded: true,
      tuples: this.tuples.done(),
      badRatings: this.bad.done(),
      count: this.count,
      tallies: this.tallies,
    };
    this.tuples = new BinaryWriter(Math.max(batch.tuples.length, 64 * 1024));
    this.bad = new BinaryWriter(0);
    this.count = 0;
    return batch;
  }

  private tally(period: string, agencyCode: string, good: boolean): Tally {
    this.count += 1;
    if (period !== this.lastPeriod) {
      this.lastPeriod = period;
      let agencies = this.tallies.get(period);
      if (agencies === undefined) {
        agencies = new Map();
        this.tallies.set(period, agencies);
      }
      this.agencies = agencies;
    }
    let tally = this.agencies.get(agencyCode);
    if (tally === undefined) {
      tally = { all: 0, good: 0 };
      this.agencies.set(agencyCode, tally);
    }
    tally.all += 1;
    if (good) tally.good += 1;
    return tally;
  }
}

/** A raw-record tuple's first bytes: five fields, then its month and agency code. */
function tuplePrefix(period: string, agencyCode: string): Buffer {
  const prefix = new BinaryWriter(32);
  prefix.int16(5);
  prefix.ascii(period);
  prefix.ascii(agencyCode);
  return Buffer.from(prefix.done());
}

/** A growing buffer of COPY binary fields. */
export class BinaryWriter {
  private buffer: Buffer;
  private at = 0;
  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }
  private room(size: number): void {
    if (this.at + size <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + size, 64 * 1024));
    this.buffer.copy(larger, 0, 0, this.at);
    this.buffer = larger;
  }
  int16(value: number): void {
    this.room(2);
    const buffer = this.buffer;
    buffer[this.at] = (value >> 8) & 0xff;
    buffer[this.at + 1] = value & 0xff;
    this.at += 2;
  }
  int32(value: number): void {
    this.room(4);
    this.put32(value);
  }
  /** Four bytes, big-endian, with room already made (the buffer's own writer costs more per call). */
  private put32(value: number): void {
    const buffer = this.buffer;
    const at = this.at;
    buffer[at] = (value >>> 24) & 0xff;
    buffer[at + 1] = (value >>> 16) & 0xff;
    buffer[at + 2] = (value >>> 8) & 0xff;
    buffer[at + 3] = value & 0xff;
    this.at = at + 4;
  }
  byte(value: number): void {
    this.room(1);
    this.buffer[this.at++] = value;
  }
  /** A field of ASCII text (codes, months). */
  ascii(value: string): void {
    const length = value.length;
    this.room(4 + length);
    this.put32(length);
    // A few characters: copied one by one, cheaper than an encoder call for each.
    const buffer = this.buffer;
    const at = this.at;
    for (let i = 0; i < length; i++) buffer[at + i] = value.charCodeAt(i);
    this.at = at + length;
  }
  /** Bytes as they are (an encoded part of a tuple). */
  bytes(value: Buffer): void {
    const length = value.length;
    this.room(length);
    const buffer = this.buffer;
    const at = this.at;
    for (let i = 0; i < length; i++) buffer[at + i] = value[i] as number;
    this.at = at + length;
  }
  /** A field of any text, or NULL. */
  text(value: string | null | undefined): void {
    if (value === null || value === undefined) {
      this.int32(-1);
      return;
    }
    // At most three bytes of UTF-8 per UTF-16 unit: room first, then the length actually written.
    this.room(4 + value.length * 3);
    const start = this.at + 4;
    const length = this.buffer.write(value, start, 'utf8');
    this.put32(length);
    this.at = start + length;
  }
  /** A timestamptz: microseconds since 2000-01-01 UTC, as a 64-bit integer; `at` in ms. */
  timestamp(at: number): void {
    this.room(12);
    const micros = (at - POSTGRES_EPOCH_MS) * 1000;
    const high = Math.floor(micros / 4294967296);
    this.put32(8);
    this.put32(high);
    this.put32(micros - high * 4294967296);
  }
  done(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
}

/** A raw record as read back from its encoding; the details are those of a bad rating only. */
export type DecodedRecord =
  | {
      period: string;
      agencyCode: string;
      ratedAt: Date;
      channel: string;
      level: number;
      ratingId: string | null;
      serviceItem: string | null;
      comment: string | null;
    }
  | {
      period: string;
      agencyCode: string;
      askedAt: Date;
      repliedAt: Date | null;
      answeredWithin48h: boolean;
    };

/** Reads encoded records back (what PostgreSQL will store), for tests and diagnostics. */
export function decodeRecords(
  kind: 'ratings' | 'consultations',
  batch: EncodedRecords,
): DecodedRecord[] {
  const tuples = new TupleReader(batch.tuples);
  const bad = new TupleReader(batch.badRatings);
  const records: DecodedRecord[] = [];
  while (!tuples.ended) {
    tuples.int16();
    const period = tuples.text() as string;
    const agencyCode = tuples.text() as string;
    const at = tuples.timestamp() as Date;
    if (kind === 'consultations') {
      const repliedAt = tuples.timestamp();
      tuples.int32();
      records.push({
        period,
        agencyCode,
        askedAt: at,
        repliedAt,
        answeredWithin48h: tuples.byte() === 1,
      });
      continue;
    }
    const channel = tuples.text() as string;
    tuples.int32();
    const level = tuples.int16();
    let details = {
      ratingId: null as string | null,
      serviceItem: null as string | null,
      comment: null as string | null,
    };
    if (level <= 2) {
      bad.int16();
      bad.text();
      bad.text();
      const ratingId = bad.text();
      bad.timestamp();
      bad.text();
      bad.int32();
      bad.int16();
      details = { ratingId, serviceItem: bad.text(), comment: bad.text() };
    }
    records.push({ period, agencyCode, ratedAt: at, channel, level, ...details });
  }
  return records;
}

class TupleReader {
  private at = 0;
  constructor(private readonly buffer: Buffer) {}
  get ended(): boolean {
    return this.at >= this.buffer.length;
  }
  int16(): number {
    const value = this.buffer.readInt16BE(this.at);
    this.at += 2;
    return value;
  }
  int32(): number {
    const value = this.buffer.readInt32BE(this.at);
    this.at += 4;
    return value;
  }
  byte(): number {
    return this.buffer[this.at++] as number;
  }
  text(): string | null {
    const length = this.int32();
    if (length < 0) return null;
    const value = this.buffer.toString('utf8', this.at, this.at + length);
    this.at += length;
    return value;
  }
  timestamp(): Date | null {
    const length = this.int32();
    if (length < 0) return null;
    const micros = this.buffer.readBigInt64BE(this.at);
    this.at += 8;
    return new Date(Number(micros / 1000n) + POSTGRES_EPOCH_MS);
  }
}
