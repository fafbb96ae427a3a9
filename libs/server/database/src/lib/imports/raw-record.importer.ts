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

/**
 * The details of a rating that only its bad-review case keeps: a month's new partition is built
 * with them and loses them before it joins the table.
 */
const RATING_CASE_COLUMNS = 'rating_id text, service_item text, comment text';

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
 * Deletes the raw records of the agency-months in `import_affected`, which a file replaces: through
 * the partitions' (period, agency_code) index, reading only those agencies' rows.
 */
export function replacedRecordsDelete(table: 'rating' | 'consultation'): string {
  return `DELETE FROM ${table} t USING import_affected a WHERE t.period = a.period AND t.agency_code = a.agency_code`;
}

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
    batches: AsyncIterable<StagedRecord[]>;
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
          await client.query(
            `CREATE TABLE ${staging} (LIKE ${RAW_TABLE[args.kind]} INCLUDING CONSTRAINTS${args.kind === 'ratings' ? `, ${RATING_CASE_COLUMNS}` : ''})`,
          );
        } else {
          await client.query(
            `CREATE TEMP TABLE import_staging (LIKE ${RAW_TABLE[args.kind]}${args.kind === 'ratings' ? `, ${RATING_CASE_COLUMNS}` : ''}) ON COMMIT DROP`,
          );
        }
      } else {
        await client.query(`CREATE TEMP TABLE import_staging (${STAGING_COLUMNS[args.kind]}) ON COMMIT DROP`);
      }
      const affected = new Map<string, Map<string, Tally>>();
      const records = withFirst(firstBatch, batches);
      if (args.kind === 'submissions') {
        const copy = client.query(copyFrom('COPY import_staging FROM STDIN WITH (FORMAT csv)'));
        await pipeline(Readable.from(csvLines(args.kind, records)), copy);
      } else {
        const copy = client.query(copyFrom(`COPY ${staging} (${BINARY_COLUMNS[args.kind]}) FROM STDIN WITH (FORMAT binary)`));
        await pipeline(Readable.from(binaryRows(args.kind, args.importId, records, affected)), copy);
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
              [...affected].flatMap(([period, agencies]) =>
                [...agencies].map(([agency_code, tally]) => ({ period, agency_code, numerator: tally.good, denominator: tally.all })),
              ),
            ),
          ],
        );
        await client.query('ANALYZE import_figures');
        await client.query('CREATE TEMP TABLE import_affected ON COMMIT DROP AS SELECT period, agency_code FROM import_figures');
        if (newMonth !== null && (affected.size !== 1 || !affected.has(newMonth))) newMonth = null;
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
        args.kind === 'ratings' ? await this.mergeBadReviews(client, runner.manager, args.importId, staging) : undefined;
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
    await client.query(replacedRecordsDelete(table));
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
  private async mergeBadReviews(client: PoolClient, manager: EntityManager, importId: string, staging: string) {
    // The file's bad ratings apart (a few of its rows), so that each step below is one hash join.
    await client.query(
      `CREATE TEMP TABLE import_bad_review ON COMMIT DROP AS
         SELECT period, agency_code, rating_id, rated_at, channel, level, service_item, comment
           FROM ${staging} WHERE level <= 2`,
    );
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

/** An agency-month's records in a file, and those that count towards its figure. */
interface Tally {
  all: number;
  good: number;
}

/** The columns binaryRows writes, in its order. */
const BINARY_COLUMNS = {
  ratings: 'period, agency_code, rated_at, channel, level, import_id, rating_id, service_item, comment',
  consultations: 'period, agency_code, asked_at, replied_at, answered_within_48h, import_id',
} as const;

/** The month of every record of a batch when they all share one; null otherwise. */
function onlyMonth(records: StagedRecord[]): string | null {
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
 * Makes a loaded table the month's partition: the bad-review details leave it, its index is built
 * in one sorted pass (not row by row), and the month's check lets ATTACH skip reading it again.
 * Inside the import's transaction: a failure leaves no partition behind.
 */
async function attachMonth(client: PoolClient, table: 'rating' | 'consultation', loaded: string, month: string): Promise<void> {
  const partition = partitionName(table, month);
  if (table === 'rating') await client.query(`ALTER TABLE ${loaded} DROP COLUMN rating_id, DROP COLUMN service_item, DROP COLUMN comment`);
  await client.query(`ALTER TABLE ${loaded} ADD CONSTRAINT ${loaded}_month CHECK (period = '${month}')`);
  await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  // The same definition as the table's own index, so that ATTACH adopts it instead of building another.
  await client.query(`CREATE INDEX ${partition}_period_agency_code_idx ON ${loaded} (period, agency_code)`);
  await client.query(`ALTER TABLE ${loaded} RENAME TO ${partition}`);
  await client.query(`ALTER TABLE ${table} ATTACH PARTITION ${partition} FOR VALUES IN ('${month}')`);
  await client.query(`ALTER TABLE ${partition} DROP CONSTRAINT ${loaded}_month`);
}

/** The first batch, already read, and the rest. */
async function* withFirst(first: StagedRecord[], rest: AsyncIterator<StagedRecord[]>): AsyncGenerator<StagedRecord[]> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01). */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Raw records in COPY's binary format (no text for the server to parse), noting each
 * agency-month met in `affected`. Every value is validated: codes, months, channels, levels.
 */
async function* binaryRows(
  kind: 'ratings' | 'consultations',
  importId: string,
  batches: AsyncIterable<StagedRecord[]>,
  affected: Map<string, Map<string, Tally>>,
): AsyncGenerator<Buffer> {
  const uuid = Buffer.from(importId.replace(/-/g, ''), 'hex');
  const header = Buffer.alloc(COPY_SIGNATURE.length + 8);
  COPY_SIGNATURE.copy(header);
  yield header;
  let lastPeriod = '';
  let agencies = new Map<string, Tally>();
  for await (const batch of batches) {
    const out = new BinaryWriter(batch.length * (kind === 'ratings' ? 80 : 90));
    for (const record of batch) {
      if (record.period !== lastPeriod) {
        lastPeriod = record.period;
        agencies = affected.get(lastPeriod) ?? new Map();
        affected.set(lastPeriod, agencies);
      }
      let tally = agencies.get(record.agencyCode);
      if (tally === undefined) {
        tally = { all: 0, good: 0 };
        agencies.set(record.agencyCode, tally);
      }
      tally.all += 1;
      if (kind === 'ratings') {
        const rating = record as StagedRating;
        // Satisfied: 4 满意 or 5 非常满意.
        if (rating.level >= 4) tally.good += 1;
        out.int16(9);
        out.ascii(rating.period);
        out.ascii(rating.agencyCode);
        out.timestamp(rating.ratedAt);
        out.ascii(rating.channel);
        out.int32(2);
        out.int16(rating.level);
        out.bytes(uuid);
        // Only a bad rating becomes a case that keeps its details.
        const keep = rating.level <= 2;
        out.text(keep ? rating.ratingId : null);
        out.text(keep ? rating.serviceItem : null);
        out.text(keep ? rating.comment : null);
      } else {
        const consultation = record as StagedConsultation;
        if (consultation.answeredWithin48h) tally.good += 1;
        out.int16(6);
        out.ascii(consultation.period);
        out.ascii(consultation.agencyCode);
        out.timestamp(consultation.askedAt);
        if (consultation.repliedAt) out.timestamp(consultation.repliedAt);
        else out.int32(-1);
        out.int32(1);
        out.byte(consultation.answeredWithin48h ? 1 : 0);
        out.bytes(uuid);
      }
    }
    yield out.done();
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1);
  yield trailer;
}

/** A growing buffer of COPY binary fields. */
class BinaryWriter {
  private buffer: Buffer;
  private at = 0;
  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }
  private room(size: number): void {
    if (this.at + size <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + size));
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
  /** A field of ASCII text (codes, months, channel names). */
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
  /** A field of any text, or NULL. */
  text(value: string | null | undefined): void {
    if (value === null || value === undefined) {
      this.int32(-1);
      return;
    }
    const length = Buffer.byteLength(value, 'utf8');
    this.room(4 + length);
    this.at = this.buffer.writeInt32BE(length, this.at);
    this.at += this.buffer.write(value, this.at, 'utf8');
  }
  /** A field of raw bytes (a uuid). */
  bytes(value: Buffer): void {
    const length = value.length;
    this.room(4 + length);
    this.put32(length);
    const buffer = this.buffer;
    const at = this.at;
    for (let i = 0; i < length; i++) buffer[at + i] = value[i] as number;
    this.at = at + length;
  }
  /** A timestamptz: microseconds since 2000-01-01 UTC, as a 64-bit integer. */
  timestamp(at: Date): void {
    this.room(12);
    const micros = (at.getTime() - POSTGRES_EPOCH_MS) * 1000;
    const high = Math.floor(micros / 4294967296);
    this.put32(8);
    this.put32(high);
    this.put32(micros - high * 4294967296);
  }
  done(): Buffer {
    return this.buffer.subarray(0, this.at);
  }
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
