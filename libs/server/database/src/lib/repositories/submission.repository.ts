import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SubmissionEntity, SubmissionValueEntity } from '../entities';

export interface SubmissionWithValues {
  submission: SubmissionEntity;
  values: SubmissionValueEntity[];
}

export interface StoredFigures {
  indicatorCode: string;
  /** Exact decimal text, e.g. "7624.00". */
  numerator: string;
  denominator: string;
}

/** An imported file that currently makes up figures of an agency-month. */
export interface SubmissionImportSource {
  kind: 'ratings' | 'consultations' | 'submissions';
  importId: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: Date;
}

@Injectable()
export class SubmissionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    period: string,
    agencyCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SubmissionWithValues | null> {
    const submission = await manager.getRepository(SubmissionEntity).findOneBy({ period, agencyCode });
    if (!submission) return null;
    const values = await manager
      .getRepository(SubmissionValueEntity)
      .find({ where: { period, agencyCode }, order: { indicatorCode: 'ASC' } });
    return { submission, values };
  }

  /** The agency-month's submission row alone, without its figures. */
  findRow(manager: EntityManager, period: string, agencyCode: string): Promise<SubmissionEntity | null> {
    return manager.getRepository(SubmissionEntity).findOneBy({ period, agencyCode });
  }

  /** Locks the agency-month's submission row, if any, for the rest of the caller's transaction. */
  findRowForUpdate(manager: EntityManager, period: string, agencyCode: string): Promise<SubmissionEntity | null> {
    return manager
      .getRepository(SubmissionEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.period = :period AND s.agency_code = :agencyCode', { period, agencyCode })
      .getOne();
  }

  /** Stores a reviewed submission's state (status, return reason, reviewer). */
  async saveRow(manager: EntityManager, submission: SubmissionEntity): Promise<void> {
    await manager.getRepository(SubmissionEntity).save(submission);
  }

  /** The imported files whose records currently make up the agency-month's figures, by kind. */
  async findImportSources(
    period: string,
    agencyCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SubmissionImportSource[]> {
    const rows: { kind: SubmissionImportSource['kind']; import_id: string; file_name: string; uploaded_by: string; created_at: Date }[] =
      await manager.query(
        `SELECT s.kind, s.import_id, f.file_name, f.uploaded_by, f.created_at
           FROM import_source s JOIN import_file f ON f.id = s.import_id
          WHERE s.period = $1 AND s.agency_code = $2
          ORDER BY s.kind`,
        [period, agencyCode],
      );
    return rows.map((row) => ({
      kind: row.kind,
      importId: row.import_id,
      fileName: row.file_name,
      uploadedBy: row.uploaded_by,
      uploadedAt: new Date(row.created_at),
    }));
  }

  /**
   * Replaces the figures of an agency-month inside the caller's transaction. They are no longer
   * what an imported file made them, so that file counts as not applied any more.
   */
  async replace(
    manager: EntityManager,
    submission: SubmissionEntity,
    figures: StoredFigures[],
  ): Promise<void> {
    await manager.getRepository(SubmissionEntity).save(submission);
    await manager.query('DELETE FROM import_source WHERE period = $1 AND agency_code = $2', [
      submission.period,
      submission.agencyCode,
    ]);
    await manager.getRepository(SubmissionValueEntity).delete({
      period: submission.period,
      agencyCode: submission.agencyCode,
    });
    if (figures.length === 0) return;
    await manager.getRepository(SubmissionValueEntity).insert(
      figures.map((figure) => ({
        period: submission.period,
        agencyCode: submission.agencyCode,
        indicatorCode: figure.indicatorCode,
        numerator: figure.numerator,
        denominator: figure.denominator,
      })),
    );
  }

  /**
   * Every reported agency's own figures of a month, in hundredths (exact), for the aggregation, in
   * one query: an agency that reported with no figure comes once, with a null indicator. Figures of
   * a draft (imported records the agency has not submitted yet) are left out, as the agency is.
   */
  async reportedFiguresOfPeriod(
    manager: EntityManager,
    period: string,
    agencyCodes?: readonly string[],
  ): Promise<
    { agencyCode: string; indicatorCode: string | null; numeratorCents: string | null; denominatorCents: string | null }[]
  > {
    return manager.query(
      `SELECT s.agency_code AS "agencyCode", v.indicator_code AS "indicatorCode",
              (v.numerator * 100)::bigint::text AS "numeratorCents",
              (v.denominator * 100)::bigint::text AS "denominatorCents"
         FROM submission s
         LEFT JOIN submission_value v ON v.period = s.period AND v.agency_code = s.agency_code
        WHERE s.period = $1 AND s.status <> 'draft'
          AND ($2::char(6)[] IS NULL OR s.agency_code = ANY($2::char(6)[]))`,
      [period, agencyCodes ?? null],
    );
  }

  /**
   * The reported figures of each of `roots` and everything under it, summed per indicator in
   * hundredths (each figure rounded to hundredths first, as `reportedFiguresOfPeriod` gives them):
   * the aggregate (汇总) counts of those agencies, added up by the database instead of rolling up
   * the whole month. A root whose subtree reported no figure has no row.
   */
  async reportedSubtreeTotals(
    manager: EntityManager,
    period: string,
    roots: readonly string[],
  ): Promise<{ agencyCode: string; indicatorCode: string; numeratorCents: string; denominatorCents: string }[]> {
    if (roots.length === 0) return [];
    return manager.query(
      `WITH RECURSIVE subtree (root, code) AS (
         SELECT code, code FROM agency WHERE code = ANY($2::char(6)[])
         UNION ALL
         SELECT subtree.root, a.code FROM agency a JOIN subtree ON a.parent_code = subtree.code
       )
       SELECT t.root AS "agencyCode", v.indicator_code AS "indicatorCode",
              sum((v.numerator * 100)::bigint)::text AS "numeratorCents",
              sum((v.denominator * 100)::bigint)::text AS "denominatorCents"
         FROM subtree t
         JOIN submission s ON s.period = $1 AND s.agency_code = t.code AND s.status <> 'draft'
         JOIN submission_value v ON v.period = s.period AND v.agency_code = s.agency_code
        GROUP BY t.root, v.indicator_code`,
      [period, roots],
    );
  }

  /** Agencies that submitted the month; a draft made by imported records alone is not reported. */
  async reportedAgencyCodes(manager: EntityManager, period: string): Promise<Set<string>> {
    const rows: { agency_code: string }[] = await manager.query(
      `SELECT agency_code FROM submission WHERE period = $1 AND status <> 'draft'`,
      [period],
    );
    return new Set(rows.map((row) => row.agency_code));
  }
}
