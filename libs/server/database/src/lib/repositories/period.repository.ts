import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PeriodStatus } from '@scorecard/contracts';
import { PeriodEntity } from '../entities';

export interface PeriodSummary {
  period: string;
  status: PeriodStatus;
  dueDate: string;
  dataRevision: number;
  computedRevision: number | null;
  computedAt: Date | null;
  reportedCount: number;
  expectedCount: number;
  publishedVersion: number;
}

@Injectable()
export class PeriodRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Those of `months` that have a published version, oldest first. */
  async publishedAmong(months: readonly string[]): Promise<string[]> {
    const rows: { period: string }[] = await this.dataSource.query(
      'SELECT period FROM period WHERE period = ANY($1::char(7)[]) AND published_version > 0 ORDER BY period',
      [months],
    );
    return rows.map((row) => row.period);
  }

  /**
   * Newest first, with how many agencies have reported of how many are expected to. With
   * `province` (a national tree), each month as that province's part stands: its status, the
   * month's published version once the part has been published, and the province's agencies only.
   */
  async listSummaries(province?: string): Promise<PeriodSummary[]> {
    const rows: Record<string, unknown>[] =
      province === undefined
        ? await this.dataSource.query(
            `SELECT p.period, p.status, to_char(p.due_date, 'YYYY-MM-DD') AS due_date, p.data_revision,
                    p.computed_revision, p.computed_at, p.published_version,
                    (SELECT count(*) FROM submission s WHERE s.period = p.period AND s.status <> 'draft')::int AS reported_count,
                    (SELECT count(*) FROM agency)::int AS expected_count
               FROM period p
              ORDER BY p.period DESC`,
          )
        : await this.dataSource.query(
            `WITH RECURSIVE under AS (
               SELECT code FROM agency WHERE code = $1
               UNION ALL
               SELECT a.code FROM agency a JOIN under u ON a.parent_code = u.code
             )
             SELECT p.period, coalesce(pp.status, p.status) AS status, to_char(p.due_date, 'YYYY-MM-DD') AS due_date,
                    p.data_revision, p.computed_revision, p.computed_at,
                    CASE WHEN coalesce(pp.published_version, p.published_version) > 0 THEN p.published_version ELSE 0 END
                      AS published_version,
                    (SELECT count(*) FROM submission s JOIN under u ON u.code = s.agency_code
                      WHERE s.period = p.period AND s.status <> 'draft')::int AS reported_count,
                    (SELECT count(*) FROM under)::int AS expected_count
               FROM period p
               LEFT JOIN period_part pp ON pp.period = p.period AND pp.province_code = $1
              ORDER BY p.period DESC`,
            [province],
          );
    return rows.map((row) => ({
      period: row['period'] as string,
      status: row['status'] as PeriodStatus,
      dueDate: row['due_date'] as string,
      dataRevision: row['data_revision'] as number,
      computedRevision: row['computed_revision'] as number | null,
      computedAt: row['computed_at'] as Date | null,
      reportedCount: row['reported_count'] as number,
      expectedCount: row['expected_count'] as number,
      publishedVersion: row['published_version'] as number,
    }));
  }

  find(period: string, manager: EntityManager = this.dataSource.manager): Promise<PeriodEntity | null> {
    return manager.getRepository(PeriodEntity).findOneBy({ period });
  }

  /** Locks the month's row for the rest of the transaction (writes and computation serialise on it). */
  findForUpdate(manager: EntityManager, period: string): Promise<PeriodEntity | null> {
    return manager
      .getRepository(PeriodEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.period = :period', { period })
      .getOne();
  }

  /**
   * Records that the month's stored results match its data as of `revision` (read before the
   * computation, which holds no lock that writes wait on: later revisions stay to be computed).
   */
  async markComputed(manager: EntityManager, period: string, revision: number): Promise<void> {
    await manager.query(
      `UPDATE period SET computed_revision = GREATEST(COALESCE(computed_revision, 0), $2), computed_at = now()
        WHERE period = $1`,
      [period, revision],
    );
  }

  /**
   * The months whose figures changed since they were last computed: the "recompute needed" mark
   * that a save commits with its figures (the bumped data revision), for the relay to queue.
   */
  async findStale(): Promise<{ period: string; dataRevision: number }[]> {
    const rows: { period: string; data_revision: number }[] = await this.dataSource.query(
      `SELECT period, data_revision FROM period
        WHERE computed_revision IS NULL OR computed_revision < data_revision
        ORDER BY period`,
    );
    return rows.map((row) => ({ period: row.period, dataRevision: row.data_revision }));
  }

  /** Records that the month's figures changed; returns the new data revision. */
  async bumpRevision(manager: EntityManager, period: string): Promise<number> {
    const rows: { data_revision: number }[] = await manager.query(
      // Wrapped in a CTE so the driver answers rows, as for a SELECT.
      `WITH bumped AS (
         UPDATE period SET data_revision = data_revision + 1 WHERE period = $1 RETURNING data_revision
       )
       SELECT data_revision FROM bumped`,
      [period],
    );
    return rows[0].data_revision;
  }

  /**
   * Marks a month to be recomputed whole though its figures did not change (what it is compared
   * with did, or a recompute was asked for), if the month exists; answers whether it does.
   */
  async markForRecompute(manager: EntityManager, period: string): Promise<boolean> {
    const rows: { period: string }[] = await manager.query(
      `WITH bumped AS (
         UPDATE period SET data_revision = data_revision + 1 WHERE period = $1 RETURNING period
       ), whole AS (
         INSERT INTO result_stale (period, agency_code) SELECT period, '*' FROM bumped
         ON CONFLICT (period, agency_code) DO UPDATE SET mark = nextval('result_stale_mark_seq')
       )
       SELECT period FROM bumped`,
      [period],
    );
    return rows.length > 0;
  }

  /** The latest month in status `published` (what a scheme draft is previewed on), or null. */
  lastPublished(manager: EntityManager = this.dataSource.manager): Promise<PeriodEntity | null> {
    return manager
      .getRepository(PeriodEntity)
      .findOne({ where: { status: 'published' }, order: { period: 'DESC' } });
  }
}
