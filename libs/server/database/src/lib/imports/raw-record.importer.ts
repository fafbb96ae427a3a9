import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { badReviewDeadline, dayOf, isLate, periodYear, workingCalendar } from '@scorecard/scoring';
import type { ImportReplacementDto } from '@scorecard/contracts';
import type { ImportErrorRecord, ImportKindName } from './import-file.repository';
import { AuditLogRepository } from '../repositories/audit-log.repository';
import { WorkingCalendarRepository } from '../calendar/working-calendar.repository';
import { DEFAULT_SCHEME_SETTINGS, SchemeRepository } from '../repositories/scheme.repository';
import {
  BAD_RATING_COLUMNS,
  copyHeader,
  copyTrailer,
  ENCODED_COLUMNS,
  type EncodedRecords,
  isEncodedRecords,
  RawRecordEncoder,
  type Tallies,
} from './raw-record-encoding';

/** The record shapes the importer stages; the file reader produces them. */
export interface StagedRating {
  period: string;
  agencyCode: string;
  ratedAt: Date;
  channel: string;
  level: number;
  /** The optional 好差评 details of the rating (评价编号, 办理事项, 评价内容). */
  ratingId?: string | null;
  serviceItem?: string | null;
  comment?: string | null;
}
export interface StagedConsultation { period: string; agencyCode: string; askedAt: Date; repliedAt: Date | null; answeredWithin48h: boolean }
export interface StagedSubmission { period: string; agencyCode: string; indicatorCode: string; numerator: string; denominator: string }
export type StagedRecord = StagedRating | StagedConsultation | StagedSubmission;

export interface ImportUploader { username: string; role: string; agencyCode: string }

export type ImportOutcome =
  | { status: 'applied'; rows: number; agencyMonths: number; periods: { period: string; revision: number }[] }
  | { status: 'unchanged'; rows: number; agencyMonths: number; periods: [] }
  | { status: 'needs_confirmation'; rows: number; replacementCount: number; replacements: ImportReplacementDto[] }
  | { status: 'rejected'; rows: number; errorCount: number; errors: ImportErrorRecord[] };

/** Derived indicator of each raw kind: which submission figure its records make. */
export const DERIVED_INDICATOR: Record<Exclude<ImportKindName, 'submissions'>, string> = {
  ratings: 'satisfaction',
  consultations: 'online_reply',
};

/** How many replaced figures an import lists (all are counted). */
const MAX_LISTED_REPLACEMENTS = 1000;

/**
 * The figures a file sets, as (period, agency_code, indicator_code, numerator, denominator): a
 * submissions file's rows, or the counts the reader tallied of a raw-record file (import_figures).
 */
function figuresOf(kind: ImportKindName): string {
  if (kind === 'submissions') return 'SELECT period, agency_code, indicator_code, numerator, denominator FROM import_staging';
  return `SELECT period, agency_code, '${DERIVED_INDICATOR[kind]}'::text AS indicator_code, numerator, denominator FROM import_figures`;
}

/** The records of a raw kind as the staging table holds them, in the order COPY sends them. */
const RAW_TABLE = { ratings: 'rating', consultations: 'consultation' } as const;

const STAGING_COLUMNS: Record<ImportKindName, string> = {
  ratings:
    'period char(7), agency_code char(6), rated_at timestamptz, channel text, level smallint, rating_id text, service_item text, comment text',
  consultations: 'period char(7), agency_code char(6), asked_at timestamptz, replied_at timestamptz, answered_within_48h boolean',
  submissions: 'period char(7), agency_code char(6), indicator_code text, numerator numeric(15, 2), denominator numeric(15, 2)',
};

/**
 * Applies one import file all or nothing: its records stream into a temporary staging table with
 * COPY, inside one transaction; only when the reader reports no error at all are they merged —
 * replacing the raw records of each agency-month the file covers, deriving the submission figures
 * and bumping the months' revisions. Any error, a crash or a kill rolls the whole file back.
 */
/**
 * Deletes the raw records that later files superseded (noted in raw_record_superseded), and the
 * notes: one pass over each month concerned, whichever imports noted it.
 */
const PRUNE_SUPERSEDED = (kind: 'ratings' | 'consultations') => `
  WITH done AS (DELETE FROM raw_record_superseded WHERE kind = '${kind}' RETURNING period, agency_code, import_id)
  DELETE FROM ${RAW_TABLE[kind]} t USING done
   WHERE t.period = done.period AND t.agency_code = done.agency_code AND t.import_id IS DISTINCT FROM done.import_id`;

@Injectable()
export class RawRecordImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
    private readonly calendar: WorkingCalendarRepository,
    private readonly schemes: SchemeRepository,
  ) {}

  async apply(args: {
    importId: string;
    kind: ImportKindName;
    contentHash: string;
    uploader: ImportUploader;
    /** Apply over figures someone typed in; otherwise such a file waits for a confirmation. */
    replaceTyped: boolean;
    /** The file's records: encoded by the reader (raw kinds), or as objects. */
    batches: AsyncIterable<StagedRecord[] | EncodedRecords>;
    /** Resolves once the whole file was read: rows and errors. */
    summary: Promise<{ rows: number; errorCount: number; errors: ImportErrorRecord[] }>;
    requestId?: string | null;
  }): Promise<ImportOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
    try {
      // The first records say whether the file starts a month of raw records that has none yet.
      const batches = args.batches[Symbol.asyncIterator]();
      const first = await batches.next();
      const firstBatch = first.done ? [] : first.value;
      await client.query('BEGIN');
      let staging = 'import_staging';
      let newMonth: string | null = null;
      if (args.kind !== 'submissions') {
        const month = onlyMonth(firstBatch);
        if (month !== null && !(await partitionExists(client, RAW_TABLE[args.kind], month))) {
          // Loaded straight into what becomes the month's partition: written once, indexed once.
          staging = `import_load_${args.importId.replace(/-/g, '')}`;
          newMonth = month;
          await client.query(`CREATE TABLE ${staging} (LIKE ${RAW_TABLE[args.kind]} INCLUDING CONSTRAINTS)`);
        } else {
          await client.query(`CREATE TEMP TABLE import_staging (LIKE ${RAW_TABLE[args.kind]}) ON COMMIT DROP`);
        }
        // Every record is this file's: the column is filled by the server, not sent with each row.
        await client.query(`ALTER TABLE ${staging} ALTER COLUMN import_id SET DEFAULT '${args.importId}'::uuid`);
      } else {
        await client.query(`CREATE TEMP TABLE import_staging (${STAGING_COLUMNS[args.kind]}) ON COMMIT DROP`);
      }
      const records = withFirst(firstBatch, batches);
      const encoded = { tallies: new Map() as Tallies, badRatings: [] as Buffer[] };
      if (args.kind === 'submissions') {
        const copy = client.query(copyFrom('COPY import_staging FROM STDIN WITH (FORMAT csv)'));
        // A submissions file is read into objects: its rows are few.
        await pipeline(Readable.from(csvLines(args.kind, records as AsyncIterable<StagedRecord[]>)), copy);
      } else {
        const copy = client.query(copyFrom(`COPY ${staging} (${ENCODED_COLUMNS[args.kind]}) FROM STDIN WITH (FORMAT binary)`));
        await pipeline(Readable.from(binaryRows(records, encoded)), copy);
      }
      const summary = await args.summary;
      if (summary.errorCount > 0) {
        await client.query('ROLLBACK');
        return { status: 'rejected', rows: summary.rows, errorCount: summary.errorCount, errors: summary.errors };
      }

      if (args.kind === 'submissions') {
        await client.query('CREATE TEMP TABLE import_affected ON COMMIT DROP AS SELECT DISTINCT period, agency_code FROM import_staging');
      } else {
        // The reader's own tally: no pass over a million staged rows to count a few agency-months.
        await client.query(
          `CREATE TEMP TABLE import_figures ON COMMIT DROP AS
             SELECT period::char(7) AS period, agency_code::char(6) AS agency_code,
                    numerator::numeric(15, 2) AS numerator, denominator::numeric(15, 2) AS denominator
               FROM jsonb_to_recordset($1::jsonb) AS a(period text, agency_code text, numerator bigint, denominator bigint)`,
          [
            JSON.stringify(
              [...encoded.tallies].flatMap(([period, agencies]) =>
                [...agencies].map(([agency_code, tally]) => ({ period, agency_code, numerator: tally.good, denominator: tally.all })),
              ),
            ),
          ],
        );
        await client.query('ANALYZE import_figures');
        await client.query('CREATE TEMP TABLE import_affected ON COMMIT DROP AS SELECT period, agency_code FROM import_figures');
        if (newMonth !== null && (encoded.tallies.size !== 1 || !encoded.tallies.has(newMonth))) newMonth = null;
      }
      // A handful of rows: so the planner knows, and reaches each agency's records by its index.
      await client.query('ANALYZE import_affected');
      const problems = await this.periodProblems(client);
      if (problems.length > 0) {
        await client.query('ROLLBACK');
        return { status: 'rejected', rows: summary.rows, errorCount: problems.length, errors: problems };
      }
      const agencyMonths = Number((await client.query('SELECT count(*) FROM import_affected')).rows[0].count);

      // The same file again, for exactly the agency-months it already makes up: nothing to do.
      const unchanged = await client.query(
        `SELECT count(*) = $2::bigint AS same FROM import_affected a
           JOIN import_source s ON s.kind = $1 AND s.period = a.period AND s.agency_code = a.agency_code
          WHERE s.content_hash = $3`,
        [args.kind, agencyMonths, args.contentHash],
      );
      if (unchanged.rows[0].same) {
        await client.query('ROLLBACK');
        return { status: 'unchanged', rows: summary.rows, agencyMonths, periods: [] };
      }

      if (!args.replaceTyped) {
        const typed = await this.typedFiguresReplaced(client, args.kind);
        if (typed.replacementCount > 0) {
          await client.query('ROLLBACK');
          return { status: 'needs_confirmation', rows: summary.rows, ...typed };
        }
      }

      if (args.kind === 'submissions') await this.mergeSubmissions(client, args.importId, args.uploader);
      else {
        // Another file may have started the month while this one was read (the month's row, locked
        // above, now keeps others out): then the records join the partition it made.
        if (newMonth !== null && (await partitionExists(client, RAW_TABLE[args.kind], newMonth))) newMonth = null;
        await this.mergeRawRecords(client, args.kind, args.importId, args.uploader, { staging, newMonth });
      }
      const badReviews =
        args.kind === 'ratings' ? await this.mergeBadReviews(client, runner.manager, args.importId, encoded.badRatings) : undefined;
      if (args.kind !== 'submissions' && staging !== 'import_staging') {
        if (newMonth !== null) await attachMonth(client, RAW_TABLE[args.kind], staging, newMonth);
        else await client.query(`DROP TABLE ${staging}`);
      }

      // Files of other kinds no longer make up these agency-months' figures alone.
      await client.query(
        `DELETE FROM import_source s USING import_affected a
          WHERE s.period = a.period AND s.agency_code = a.agency_code AND s.kind <> $1`,
        [args.kind],
      );
      await client.query(
        `INSERT INTO import_source (kind, period, agency_code, import_id, content_hash)
         SELECT $1, period, agency_code, $2, $3 FROM import_affected
         ON CONFLICT (kind, period, agency_code) DO UPDATE SET import_id = $2, content_hash = $3`,
        [args.kind, args.importId, args.contentHash],
      );
      // The agencies whose results are now behind, committed with their figures.
      await client.query(
        `INSERT INTO result_stale (period, agency_code)
         SELECT DISTINCT period, agency_code FROM import_affected
         ON CONFLICT (period, agency_code) DO UPDATE SET mark = nextval('result_stale_mark_seq')`,
      );
      const periods = (
        await client.query(
          `UPDATE period SET data_revision = data_revision + 1
            WHERE period IN (SELECT DISTINCT period FROM import_affected)
          RETURNING period, data_revision`,
        )
      ).rows.map((row: { period: string; data_revision: number }) => ({ period: row.period, revision: row.data_revision }));
      await client.query(
        `UPDATE import_file SET status = 'applied', rows = $2, error_count = 0, errors = '[]', finished_at = now() WHERE id = $1`,
        [args.importId, summary.rows],
      );
      // Applied: the stored upload has served, and goes with the commit that applies it.
      await client.query('DELETE FROM import_upload_chunk WHERE import_id = $1', [args.importId]);
      // On the import's own connection, so the entry commits with the figures.
      await this.audit.recordAction(
        runner.manager,
        { ...args.uploader, requestId: args.requestId ?? null },
        'import.apply',
        `import/${args.importId}`,
        null,
        { kind: args.kind, rows: summary.rows, agencyMonths, contentHash: args.contentHash, ...(badReviews ? { badReviews } : {}) },
      );
      await client.query('COMMIT');
      return { status: 'applied', rows: summary.rows, agencyMonths, periods: periods.sort((a, b) => a.period.localeCompare(b.period)) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Deletes the raw records that applied files superseded, with their notes; a note left by a
   * worker that stopped before this is taken by the next call. Returns how many records went.
   */
  async pruneSuperseded(kind: 'ratings' | 'consultations'): Promise<number> {
    const result = await this.dataSource.query(PRUNE_SUPERSEDED(kind));
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }

  /** Every month the file touches must exist and be open (figures of other months cannot change). */
  private async periodProblems(client: PoolClient): Promise<ImportErrorRecord[]> {
    const wanted: string[] = (await client.query('SELECT DISTINCT period FROM import_affected ORDER BY period')).rows.map(
      (row: { period: string }) => row.period,
    );
    // Locks the months' rows: no lock, publish or other write of them interleaves with this import.
    const { rows } = await client.query('SELECT period, status FROM period WHERE period = ANY($1) ORDER BY period FOR UPDATE', [
      wanted,
    ]);
    const status = new Map((rows as { period: string; status: string }[]).map((row) => [row.period, row.status]));
    // In a national tree each province runs its own part of a month: the parts of the provinces the
    // file touches decide (the first part a province acts on gives every province its own).
    const parts = await client.query(
      `WITH RECURSIVE up AS (
         SELECT a.period, g.code, g.parent_code
           FROM (SELECT DISTINCT period, agency_code FROM import_affected) a JOIN agency g ON g.code = a.agency_code
         UNION
         SELECT up.period, g.code, g.parent_code FROM up JOIN agency g ON g.code = up.parent_code
       )
       SELECT up.period, pp.status FROM up
         JOIN agency n ON n.code = up.parent_code AND n.level = 'nation'
         JOIN period_part pp ON pp.period = up.period AND pp.province_code = up.code
        ORDER BY up.period, (pp.status = 'open')`,
    );
    const partStatus = new Map<string, string>();
    for (const row of parts.rows as { period: string; status: string }[])
      if (!partStatus.has(row.period) && status.has(row.period)) partStatus.set(row.period, row.status);
    for (const [period, closest] of partStatus) status.set(period, closest);
    return wanted
      .filter((period) => status.get(period) !== 'open')
      .map((period): ImportErrorRecord => ({
        row: 0,
        field: 'period',
        value: period,
        // Keys of the imports' message catalogue (libs/server/imports).
        ...(status.has(period)
          ? { key: 'period.closed', params: { period, status: status.get(period) as string } }
          : { key: 'period.notOpen', params: { period } }),
      }));
  }

  /** Figures typed in by hand (written by no file) that the file would change. */
  private async typedFiguresReplaced(client: PoolClient, kind: ImportKindName) {
    const { rows } = await client.query(
      `SELECT f.period, f.agency_code, f.indicator_code,
              v.numerator::text AS before_numerator, v.denominator::text AS before_denominator,
              f.numerator::numeric(15, 2)::text AS after_numerator, f.denominator::numeric(15, 2)::text AS after_denominator,
              count(*) OVER () AS total
         FROM (${figuresOf(kind)}) f
         JOIN submission_value v USING (period, agency_code, indicator_code)
        WHERE v.import_id IS NULL AND (v.numerator <> f.numerator OR v.denominator <> f.denominator)
        ORDER BY f.period, f.agency_code, f.indicator_code
        LIMIT ${MAX_LISTED_REPLACEMENTS}`,
    );
    const found = rows as {
      period: string;
      agency_code: string;
      indicator_code: string;
      before_numerator: string;
      before_denominator: string;
      after_numerator: string;
      after_denominator: string;
      total: string;
    }[];
    return {
      replacementCount: found.length === 0 ? 0 : Number(found[0]?.total),
      replacements: found.map((row) => ({
        period: row.period,
        agencyCode: row.agency_code,
        indicatorCode: row.indicator_code,
        before: { numerator: row.before_numerator, denominator: row.before_denominator },
        after: { numerator: row.after_numerator, denominator: row.after_denominator },
      })),
    };
  }

  /**
   * Replaces the agency-months' raw records with the staged ones. A month that had none (`newMonth`)
   * is left to attachMonth: its staged rows become its partition.
   */
  private async mergeRawRecords(
    client: PoolClient,
    kind: 'ratings' | 'consultations',
    importId: string,
    uploader: ImportUploader,
    { staging, newMonth }: { staging: string; newMonth: string | null },
  ) {
    const table = RAW_TABLE[kind];
    if (newMonth !== null) {
      await this.upsertFigures(client, figuresOf(kind), importId, uploader, { submits: false });
      return;
    }
    const { rows: months } = await client.query('SELECT DISTINCT period FROM import_affected');
    for (const { period } of months as { period: string }[]) {
      // Partition names come from the validated YYYY-MM period only.
      const partition = `${table}_${period.replace('-', '_')}`;
      await client.query(`CREATE TABLE IF NOT EXISTS ${partition} PARTITION OF ${table} FOR VALUES IN ('${period}')`);
    }
    // The earlier records stay until this file is applied; then pruneSuperseded deletes them.
    await client.query(
      `INSERT INTO raw_record_superseded (kind, period, agency_code, import_id)
       SELECT $1, period, agency_code, $2 FROM import_affected
       ON CONFLICT (kind, period, agency_code) DO UPDATE SET import_id = EXCLUDED.import_id`,
      [kind, importId],
    );
    if (kind === 'ratings') {
      await client.query(
        `INSERT INTO rating (period, agency_code, rated_at, channel, level, import_id)
         SELECT period, agency_code, rated_at, channel, level, import_id FROM ${staging}`,
      );
    } else {
      await client.query(
        `INSERT INTO consultation (period, agency_code, asked_at, replied_at, answered_within_48h, import_id)
         SELECT period, agency_code, asked_at, replied_at, answered_within_48h, import_id FROM ${staging}`,
      );
    }
    // Raw records alone do not submit the month: a submission they create stays a draft.
    await this.upsertFigures(client, figuresOf(kind), importId, uploader, { submits: false });
  }

  /**
   * The bad reviews (差评) of the file's agency-months: one case per rating of level 1–2. A case
   * whose rating id comes again keeps its work (status, notes, deadline) and takes the rating's new
   * details; one whose rating is gone is deleted when nobody acted on it yet, otherwise voided as
   * `withdrawn` with the status it had (and back to that status should its rating return). New
   * cases are due `badReviewWorkingDays` working days after today on the province calendar.
   */
  private async mergeBadReviews(client: PoolClient, manager: EntityManager, importId: string, badRatings: Buffer[]) {
    // The file's bad ratings apart (a few of its rows), so that each step below is one hash join.
    await client.query(`CREATE TEMP TABLE import_bad_review (${BAD_RATING_COLUMNS}) ON COMMIT DROP`);
    const copy = client.query(copyFrom('COPY import_bad_review FROM STDIN WITH (FORMAT binary)'));
    await pipeline(Readable.from([copyHeader(), ...badRatings, copyTrailer()]), copy);
    await client.query('ANALYZE import_bad_review');
    // A case without rating id never matches (NULL = NULL is not true): it is always gone.
    const gone = `NOT EXISTS (SELECT 1 FROM import_bad_review k
                   WHERE k.period = b.period AND k.agency_code = b.agency_code AND k.rating_id = b.rating_id)`;
    const removed = await client.query(
      `DELETE FROM bad_review b USING import_affected a
        WHERE b.period = a.period AND b.agency_code = a.agency_code
          AND b.status = 'open' AND b.version = 1 AND ${gone}`,
    );
    const withdrawn = await client.query(
      `UPDATE bad_review b SET status = 'voided', voided_as = 'withdrawn', withdrawn_from = b.status,
              version = b.version + 1
         FROM import_affected a
        WHERE b.period = a.period AND b.agency_code = a.agency_code AND b.status <> 'voided' AND ${gone}`,
    );
    await client.query(
      `UPDATE bad_review b SET rated_at = k.rated_at, channel = k.channel, level = k.level,
              service_item = k.service_item, comment = k.comment, import_id = $1,
              status = CASE WHEN b.voided_as = 'withdrawn' THEN b.withdrawn_from ELSE b.status END,
              withdrawn_from = NULL,
              version = CASE WHEN b.voided_as = 'withdrawn' THEN b.version + 1 ELSE b.version END,
              voided_as = CASE WHEN b.voided_as = 'withdrawn' THEN NULL ELSE b.voided_as END
         FROM import_bad_review k
        WHERE k.period = b.period AND k.agency_code = b.agency_code AND k.rating_id = b.rating_id`,
      [importId],
    );
    const deadlines = await this.badReviewDeadlines(client, manager);
    // Ids are unique within a file (the reader refuses a repeated one): what is not kept is new.
    const created = await client.query(
      `INSERT INTO bad_review (period, agency_code, rating_id, rated_at, channel, level, service_item, comment, import_id, deadline)
       SELECT k.period, k.agency_code, k.rating_id, k.rated_at, k.channel, k.level, k.service_item, k.comment, $1,
              (d.deadline)::date
         FROM import_bad_review k JOIN jsonb_each_text($2::jsonb) AS d (period, deadline) ON d.period = k.period
        WHERE NOT EXISTS (SELECT 1 FROM bad_review b
                           WHERE b.period = k.period AND b.agency_code = k.agency_code AND b.rating_id = k.rating_id)`,
      [importId, JSON.stringify(deadlines)],
    );
    return { created: created.rowCount ?? 0, withdrawn: withdrawn.rowCount ?? 0, removed: removed.rowCount ?? 0 };
  }

  /** The deadline of a bad review imported today, per month the file covers. */
  private async badReviewDeadlines(client: PoolClient, manager: EntityManager): Promise<Record<string, string>> {
    const importedOn = dayOf(new Date());
    await this.calendar.hold(manager);
    // Fifteen working days from late December run into January: read both years.
    const year = periodYear(importedOn);
    const calendar = workingCalendar(await this.calendar.findYears(year, year + 1, manager));
    const { rows } = await client.query('SELECT DISTINCT period FROM import_affected');
    const deadlines: Record<string, string> = {};
    for (const { period } of rows as { period: string }[]) {
      // The scheme in force for the month says how long its bad reviews have.
      const scheme = await this.schemes.findInForce(period, manager);
      const workingDays = scheme?.badReviewWorkingDays ?? DEFAULT_SCHEME_SETTINGS.badReviewWorkingDays;
      deadlines[period] = badReviewDeadline({ importedOn, workingDays, calendar });
    }
    return deadlines;
  }

  private async mergeSubmissions(client: PoolClient, importId: string, uploader: ImportUploader) {
    await this.upsertFigures(client, figuresOf('submissions'), importId, uploader, { submits: true });
  }

  /**
   * Writes derived or imported figures into the agency-months' submissions (created if absent).
   * A submissions file submits the month (`submitted`); raw records leave a draft a draft, and
   * mark changed figures of an already submitted month as submitted again.
   *
   * Who submitted, and whether late, is the agency's own doing: an agency importing its own figures
   * is their submitter, late as a save would be; an admin importing figures for an agency below it
   * neither becomes its submitter nor makes it late.
   */
  private async upsertFigures(
    client: PoolClient,
    figuresSql: string,
    importId: string,
    uploader: ImportUploader,
    options: { submits: boolean },
  ) {
    const { rows: dues } = await client.query(
      `SELECT a.period, a.agency_code, p.due_date::text AS due_date FROM import_affected a JOIN period p USING (period)`,
    );
    const now = new Date();
    const owners = (dues as { period: string; agency_code: string; due_date: string }[]).map((due) => {
      const own = due.agency_code === uploader.agencyCode;
      return {
        period: due.period,
        agency_code: due.agency_code,
        submitted_by: own ? uploader.username : null,
        late: own && isLate(now, due.due_date),
      };
    });
    // A null submitter in EXCLUDED marks a row imported on the agency's behalf: its own keep theirs.
    await client.query(
      `INSERT INTO submission (period, agency_code, version, status, late, submitted_at, submitted_by)
       SELECT l.period, l.agency_code, 1, CASE WHEN $2::boolean THEN 'submitted' ELSE 'draft' END, l.late, now(), l.submitted_by
         FROM jsonb_to_recordset($1::jsonb) AS l(period char(7), agency_code char(6), submitted_by text, late boolean)
       ON CONFLICT (period, agency_code) DO UPDATE
         SET version = submission.version + 1,
             status = CASE WHEN submission.status = 'draft' AND NOT $2::boolean THEN 'draft' ELSE 'submitted' END,
             submitted_at = CASE WHEN EXCLUDED.submitted_by IS NULL THEN submission.submitted_at ELSE now() END,
             submitted_by = COALESCE(EXCLUDED.submitted_by, submission.submitted_by),
             late = CASE WHEN EXCLUDED.submitted_by IS NULL THEN submission.late ELSE EXCLUDED.late END`,
      [JSON.stringify(owners), options.submits],
    );
    await client.query(
      `INSERT INTO submission_value (period, agency_code, indicator_code, numerator, denominator, import_id)
       SELECT period, agency_code, indicator_code, numerator, denominator, $1::uuid FROM (${figuresSql}) f
       ON CONFLICT (period, agency_code, indicator_code) DO UPDATE
         SET numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, import_id = EXCLUDED.import_id`,
      [importId],
    );
  }
}

/** The month of every record of a batch when they all share one; null otherwise. */
function onlyMonth(records: StagedRecord[] | EncodedRecords): string | null {
  if (isEncodedRecords(records)) return records.tallies.size === 1 ? ([...records.tallies.keys()][0] as string) : null;
  const month = records[0]?.period;
  if (month === undefined) return null;
  return records.every((record) => record.period === month) ? month : null;
}

/** Whether the month's partition of a raw-record table exists. */
async function partitionExists(client: PoolClient, table: 'rating' | 'consultation', month: string): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = $1::regclass AND c.relname = $2`,
    [table, partitionName(table, month)],
  );
  return rows.length > 0;
}

/** A month's partition of a raw-record table; the month is a validated YYYY-MM. */
function partitionName(table: 'rating' | 'consultation', month: string): string {
  return `${table}_${month.replace('-', '_')}`;
}

/**
 * Makes a loaded table the month's partition: the month's check lets ATTACH skip reading it again.
 * Inside the import's transaction: a failure leaves no partition behind.
 */
async function attachMonth(client: PoolClient, table: 'rating' | 'consultation', loaded: string, month: string): Promise<void> {
  const partition = partitionName(table, month);
  await client.query(`ALTER TABLE ${loaded} ADD CONSTRAINT ${loaded}_month CHECK (period = '${month}')`);
  await client.query(`ALTER TABLE ${loaded} RENAME TO ${partition}`);
  await client.query(`ALTER TABLE ${table} ATTACH PARTITION ${partition} FOR VALUES IN ('${month}')`);
  await client.query(`ALTER TABLE ${partition} DROP CONSTRAINT ${loaded}_month, ALTER COLUMN import_id DROP DEFAULT`);
}

/** The first batch, already read, and the rest. */
async function* withFirst<T extends StagedRecord[] | EncodedRecords>(first: T | [], rest: AsyncIterator<T>): AsyncGenerator<T | []> {
  if (isEncodedRecords(first) || first.length > 0) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * The file's raw records as one COPY binary stream: batches the reader encoded pass as they are;
 * records given as objects are encoded here. Tallies and bad ratings are kept in `encoded`.
 */
async function* binaryRows(
  batches: AsyncIterable<StagedRecord[] | EncodedRecords | []>,
  encoded: { tallies: Tallies; badRatings: Buffer[] },
): AsyncGenerator<Buffer> {
  yield copyHeader();
  let encoder: RawRecordEncoder | null = null;
  for await (const batch of batches) {
    let records: EncodedRecords;
    if (isEncodedRecords(batch)) records = batch;
    else {
      encoder ??= new RawRecordEncoder();
      for (const record of batch) encoder.record(record as StagedRating | StagedConsultation);
      records = encoder.take();
    }
    encoded.tallies = records.tallies;
    if (records.badRatings.length > 0) encoded.badRatings.push(records.badRatings);
    if (records.tuples.length > 0) yield records.tuples;
  }
  yield copyTrailer();
}

/** The staged records as CSV lines for COPY; every field is validated text (codes, ISO times, numbers). */
async function* csvLines(kind: ImportKindName, batches: AsyncIterable<StagedRecord[]>): AsyncGenerator<string> {
  for await (const batch of batches) {
    let chunk = '';
    for (const record of batch) {
      if (kind === 'ratings') {
        const rating = record as StagedRating;
        chunk += `${rating.period},${rating.agencyCode},${rating.ratedAt.toISOString()},${rating.channel},${rating.level},${csvText(
          rating.ratingId,
        )},${csvText(rating.serviceItem)},${csvText(rating.comment)}\n`;
      } else if (kind === 'consultations') {
        const consultation = record as StagedConsultation;
        chunk += `${consultation.period},${consultation.agencyCode},${consultation.askedAt.toISOString()},${
          consultation.repliedAt ? consultation.repliedAt.toISOString() : ''
        },${consultation.answeredWithin48h}\n`;
      } else {
        const submission = record as StagedSubmission;
        chunk += `${submission.period},${submission.agencyCode},${submission.indicatorCode},${submission.numerator},${submission.denominator}\n`;
      }
    }
    if (chunk) yield chunk;
  }
}

/** Free text as a CSV field: quoted (commas, quotes and line breaks kept), absent as NULL. */
function csvText(text: string | null | undefined): string {
  return text === null || text === undefined ? '' : `"${text.replace(/"/g, '""')}"`;
}
