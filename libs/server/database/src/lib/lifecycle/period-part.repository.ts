import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PeriodStatus } from '@scorecard/contracts';

/** One province's part of a month in a national tree. */
export interface PeriodPart {
  period: string;
  province: string;
  status: PeriodStatus;
  /** The month-wide published version that last carried this part's fresh results; 0 before. */
  publishedVersion: number;
  lockedAt: Date | null;
  publishedAt: Date | null;
}

/** A part with its province's name and how many of its agencies reported of how many expected. */
export interface PeriodPartSummary extends PeriodPart {
  name: string;
  reportedCount: number;
  expectedCount: number;
}

const PART_COLUMNS = `pp.period, pp.province_code AS province, pp.status, pp.published_version AS "publishedVersion",
  pp.locked_at AS "lockedAt", pp.published_at AS "publishedAt"`;

/**
 * The provinces' parts of a month (national trees only). Why parts beside the month row rather
 * than instead of it: a province's own deployment never has a part — its single part is the
 * month row, so nothing there changes — and in a national tree the month row keeps the national
 * month (its revisions, its cumulative published version), which every reader of "the month's
 * published version" keeps reading. Parts appear the first time a province acts on a month on
 * its own (`materialize`), copied from the month's state then; until that, every part is the month.
 */
@Injectable()
export class PeriodPartRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Gives every province of a national tree its own part of the month, as the month stands. */
  async materialize(manager: EntityManager, period: string): Promise<void> {
    await manager.query(
      `INSERT INTO period_part (period, province_code, status, published_version, locked_at, published_at)
       SELECT p.period, a.code, p.status, p.published_version, p.locked_at, p.published_at
         FROM period p
         JOIN agency a ON a.level = 'province'
         JOIN agency n ON n.code = a.parent_code AND n.level = 'nation'
        WHERE p.period = $1
       ON CONFLICT (period, province_code) DO NOTHING`,
      [period],
    );
  }

  async find(
    period: string,
    province: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PeriodPart | null> {
    const rows: PeriodPart[] = await manager.query(
      `SELECT ${PART_COLUMNS} FROM period_part pp WHERE pp.period = $1 AND pp.province_code = $2`,
      [period, province],
    );
    return rows[0] ?? null;
  }

  /** Every part of the month, by province code (none before a province acted on it alone). */
  async ofMonth(
    period: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PeriodPart[]> {
    return manager.query(
      `SELECT ${PART_COLUMNS} FROM period_part pp WHERE pp.period = $1 ORDER BY pp.province_code`,
      [period],
    );
  }

  /** Every part of every month of one province (months without parts are absent). */
  async ofProvince(
    province: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PeriodPart[]> {
    return manager.query(
      `SELECT ${PART_COLUMNS} FROM period_part pp WHERE pp.province_code = $1 ORDER BY pp.period`,
      [province],
    );
  }

  /** The status of `province`'s part: its own once it has one, the month's until then. */
  async statusOf(
    manager: EntityManager,
    period: string,
    province: string,
  ): Promise<PeriodStatus | null> {
    return (await this.stateOf(manager, period, province))?.status ?? null;
  }

  /**
   * The status and publication of `province`'s part: its own once it has one, the month's until
   * then (never a mix of both).
   */
  async stateOf(
    manager: EntityManager,
    period: string,
    province: string,
  ): Promise<Pick<PeriodPart, 'status' | 'publishedAt'> | null> {
    const rows: Pick<PeriodPart, 'status' | 'publishedAt'>[] = await manager.query(
      `SELECT CASE WHEN pp.period IS NULL THEN p.status ELSE pp.status END AS status,
              CASE WHEN pp.period IS NULL THEN p.published_at ELSE pp.published_at END AS "publishedAt"
         FROM period p LEFT JOIN period_part pp ON pp.period = p.period AND pp.province_code = $2
        WHERE p.period = $1`,
      [period, province],
    );
    return rows[0] ?? null;
  }

  async markLocked(manager: EntityManager, period: string, province: string): Promise<void> {
    await manager.query(
      `UPDATE period_part SET status = 'locked', locked_at = now() WHERE period = $1 AND province_code = $2`,
      [period, province],
    );
  }

  async markPublished(
    manager: EntityManager,
    period: string,
    province: string,
    version: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE period_part SET status = 'published', published_version = $3, published_at = now()
        WHERE period = $1 AND province_code = $2`,
      [period, province, version],
    );
  }

  async markReopened(manager: EntityManager, period: string, province: string): Promise<void> {
    await manager.query(
      `UPDATE period_part SET status = 'open' WHERE period = $1 AND province_code = $2`,
      [period, province],
    );
  }

  /**
   * The month row follows its parts to `locked` once every part is locked or published (an open
   * month only). Reopening a part reopens the month itself (the caller does); `published` is only
   * ever set by the national publication (every part published, or forced).
   */
  async settleLocked(manager: EntityManager, period: string): Promise<PeriodStatus> {
    const rows: { status: PeriodStatus }[] = await manager.query(
      `WITH parts AS (
         SELECT bool_and(status <> 'open') AS closed FROM period_part WHERE period = $1
       ), settled AS (
         UPDATE period p
            SET status = CASE WHEN p.status = 'open' AND parts.closed THEN 'locked'::period_status ELSE p.status END,
                locked_at = CASE WHEN p.status = 'open' AND parts.closed THEN now() ELSE p.locked_at END
           FROM parts
          WHERE p.period = $1
         RETURNING p.status
       )
       SELECT status FROM settled`,
      [period],
    );
    return rows[0].status;
  }

  /**
   * Records a month-wide published version without publishing the national month: a province's
   * part was published into it.
   */
  async bumpPublishedVersion(
    manager: EntityManager,
    period: string,
    version: number,
  ): Promise<void> {
    await manager.query('UPDATE period SET published_version = $2 WHERE period = $1', [
      period,
      version,
    ]);
  }

  /**
   * Freezes version `version` of the month cumulatively: the current results of the agencies
   * under `provinces` (whole subtrees) and of `agencies` (those alone, e.g. the nation root),
   * and every other agency's rows as version `previous` had them (the provinces published
   * before, whose published results stand). Readers of "the month's published version" thus
   * find every published province in it.
   */
  async snapshotCumulative(
    manager: EntityManager,
    input: {
      period: string;
      version: number;
      previous: number;
      provinces: string[];
      agencies: string[];
    },
  ): Promise<number> {
    const columns = `agency_code, scope, reported, score, grade, rank_in_parent, parent_size, rank_change_in_parent,
      rank_in_level, level_size, rank_change_in_level, indicators, scheme_year, scheme_version, rank_in_nation,
      nation_size, rank_change_in_nation`;
    const rows: { count: string }[] = await manager.query(
      `WITH RECURSIVE fresh AS (
         SELECT code FROM agency WHERE code = ANY($3::char(6)[])
         UNION ALL
         SELECT a.code FROM agency a JOIN fresh f ON a.parent_code = f.code
       ), chosen AS (
         SELECT code FROM fresh UNION SELECT unnest($4::char(6)[])
       ), copied AS (
         INSERT INTO published_result (period, version, ${columns})
         SELECT period, $2::int, ${columns} FROM agency_result
          WHERE period = $1 AND agency_code IN (SELECT code FROM chosen)
         UNION ALL
         SELECT period, $2::int, ${columns} FROM published_result
          WHERE period = $1 AND version = $5::int AND agency_code NOT IN (SELECT code FROM chosen)
         RETURNING 1
       )
       SELECT count(*) FROM copied`,
      [input.period, input.version, input.provinces, input.agencies, input.previous],
    );
    return Number(rows[0].count);
  }

  /**
   * Each province's part with its counts: reported (submitted, not a draft) and expected (its
   * agencies). Provinces without a part of their own show the month's state.
   */
  async summaries(
    period: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PeriodPartSummary[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `WITH RECURSIVE under AS (
         SELECT a.code AS province, a.code FROM agency a JOIN agency n ON n.code = a.parent_code AND n.level = 'nation'
          WHERE a.level = 'province'
         UNION ALL
         SELECT u.province, c.code FROM agency c JOIN under u ON c.parent_code = u.code
       )
       SELECT pr.code AS province, pr.name, coalesce(pp.status, p.status) AS status,
              coalesce(pp.published_version, p.published_version) AS published_version,
              coalesce(pp.locked_at, p.locked_at) AS locked_at, coalesce(pp.published_at, p.published_at) AS published_at,
              (SELECT count(*) FROM under u JOIN submission s ON s.agency_code = u.code AND s.period = p.period
                 WHERE u.province = pr.code AND s.status <> 'draft')::int AS reported_count,
              (SELECT count(*) FROM under u WHERE u.province = pr.code)::int AS expected_count
         FROM period p
         JOIN agency pr ON pr.level = 'province'
         JOIN agency n ON n.code = pr.parent_code AND n.level = 'nation'
         LEFT JOIN period_part pp ON pp.period = p.period AND pp.province_code = pr.code
        WHERE p.period = $1
        ORDER BY pr.code`,
      [period],
    );
    return rows.map((row) => ({
      period,
      province: row['province'] as string,
      name: row['name'] as string,
      status: row['status'] as PeriodStatus,
      publishedVersion: row['published_version'] as number,
      lockedAt: row['locked_at'] as Date | null,
      publishedAt: row['published_at'] as Date | null,
      reportedCount: row['reported_count'] as number,
      expectedCount: row['expected_count'] as number,
    }));
  }
}
