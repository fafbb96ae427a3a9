import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type PeriodAction = 'open' | 'lock' | 'force_lock' | 'publish' | 'force_publish' | 'reopen';

export interface PeriodEvent {
  action: PeriodAction;
  version: number | null;
  reason: string | null;
  actor: string;
  at: Date;
  /** The upheld appeal a reopening answers. */
  appealId: string | null;
  /** The province whose part of the month the step concerns (national trees); null for the month. */
  province: string | null;
}

export interface AgencyProgress {
  agencyCode: string;
  name: string;
  level: string;
  parentCode: string | null;
  submitted: boolean;
  late: boolean;
  status: string | null;
  waived: boolean;
  remindedAt: Date | null;
}

/** How far a city's counties are reviewed in a month (reviewed = approved or waived). */
export interface CityReviewCount {
  code: string;
  name: string;
  counties: number;
  reviewed: number;
  /** Submitted and waiting for the city's decision. */
  awaiting: number;
  returned: number;
  /** Neither submitted nor waived. */
  notReported: number;
}

/** One county's review in a month, as stored. */
export interface CountyReviewRow {
  agencyCode: string;
  name: string;
  status: string | null;
  waived: boolean;
  reason: string | null;
  by: string | null;
  at: Date | null;
}

/** Queries of the month lifecycle: snapshots, events, waivers, review state and reminders. */
@Injectable()
export class PeriodLifecycleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens a month, due on `dueDate`, unless it exists. Returns whether it was opened now (the
   * calendar job runs daily, so most runs find the month already there).
   */
  async openIfAbsent(manager: EntityManager, period: string, dueDate: string): Promise<boolean> {
    const rows: { period: string }[] = await manager.query(
      `INSERT INTO period (period, status, due_date) VALUES ($1, 'open', $2)
       ON CONFLICT (period) DO NOTHING RETURNING period`,
      [period, dueDate],
    );
    return rows.length > 0;
  }

  /** Open months whose due date is before `today` (YYYY-MM-DD), oldest first. */
  async openPastDue(today: string): Promise<string[]> {
    const rows: { period: string }[] = await this.dataSource.query(
      `SELECT period FROM period WHERE status = 'open' AND due_date < $1::date ORDER BY period`,
      [today],
    );
    return rows.map((row) => row.period);
  }

  /** `at` defaults to now; a loaded history (the demo's past months) gives the day it happened. */
  async markLocked(manager: EntityManager, period: string, at: Date | null = null): Promise<void> {
    await manager.query(
      `UPDATE period SET status = 'locked', locked_at = coalesce($2, now()) WHERE period = $1`,
      [period, at],
    );
  }

  /** `at` defaults to now; a loaded history (the demo's past months) gives the day it happened. */
  async markPublished(manager: EntityManager, period: string, version: number, at: Date | null = null): Promise<void> {
    await manager.query(
      `UPDATE period SET status = 'published', published_version = $2, published_at = coalesce($3, now()) WHERE period = $1`,
      [period, version, at],
    );
  }

  async markReopened(manager: EntityManager, period: string): Promise<void> {
    await manager.query(`UPDATE period SET status = 'open' WHERE period = $1`, [period]);
  }

  /** Freezes the month's current results as published version `version`. */
  async snapshot(manager: EntityManager, period: string, version: number): Promise<number> {
    const rows: { count: string }[] = await manager.query(
      `WITH copied AS (
         INSERT INTO published_result (period, version, agency_code, scope, reported, score, grade, rank_in_parent,
           parent_size, rank_change_in_parent, rank_in_level, level_size, rank_change_in_level, indicators,
           scheme_year, scheme_version, rank_in_nation, nation_size, rank_change_in_nation)
         SELECT period, $2, agency_code, scope, reported, score, grade, rank_in_parent, parent_size,
                rank_change_in_parent, rank_in_level, level_size, rank_change_in_level, indicators,
                scheme_year, scheme_version, rank_in_nation, nation_size, rank_change_in_nation
           FROM agency_result WHERE period = $1
         RETURNING 1
       )
       SELECT count(*) FROM copied`,
      [period, version],
    );
    return Number(rows[0].count);
  }

  async recordEvent(
    manager: EntityManager,
    event: {
      period: string;
      action: PeriodAction;
      version?: number | null;
      reason?: string | null;
      actor: string;
      appealId?: string | null;
      /** The province whose part the step concerns (national trees). */
      province?: string | null;
      /** Defaults to now. */
      at?: Date | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO period_event (period, action, version, reason, actor, appeal_id, at, province_code)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()), $8)`,
      [
        event.period,
        event.action,
        event.version ?? null,
        event.reason ?? null,
        event.actor,
        event.appealId ?? null,
        event.at ?? null,
        event.province ?? null,
      ],
    );
  }

  async events(period: string): Promise<PeriodEvent[]> {
    const rows: PeriodEvent[] =
      await this.dataSource.query(
        `SELECT action, version, reason, actor, at, appeal_id::text AS "appealId", province_code AS province
           FROM period_event WHERE period = $1 ORDER BY at, id`,
        [period],
      );
    return rows;
  }

  async waive(manager: EntityManager, period: string, agencyCode: string, reason: string, actor: string): Promise<void> {
    await manager.query(
      `INSERT INTO submission_waiver (period, agency_code, reason, waived_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (period, agency_code) DO UPDATE SET reason = $3, waived_by = $4, waived_at = now()`,
      [period, agencyCode, reason, actor],
    );
  }

  /** Every agency's state in a month: submitted (and how), waived, reminded. */
  async progress(period: string, manager: EntityManager = this.dataSource.manager): Promise<AgencyProgress[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT a.code, a.name, a.level, a.parent_code, s.status, coalesce(s.late, false) AS late,
              coalesce(s.status <> 'draft', false) AS submitted, w.agency_code IS NOT NULL AS waived, r.reminded_at
         FROM agency a
         LEFT JOIN submission s ON s.agency_code = a.code AND s.period = $1
         LEFT JOIN submission_waiver w ON w.agency_code = a.code AND w.period = $1
         LEFT JOIN submission_reminder r ON r.agency_code = a.code AND r.period = $1
        ORDER BY a.code`,
      [period],
    );
    return rows.map((row) => ({
      agencyCode: row['code'] as string,
      name: row['name'] as string,
      level: row['level'] as string,
      parentCode: row['parent_code'] as string | null,
      submitted: row['submitted'] as boolean,
      late: row['late'] as boolean,
      status: row['status'] as string | null,
      waived: row['waived'] as boolean,
      remindedAt: row['reminded_at'] as Date | null,
    }));
  }

  /** Every city with its counties' review counts for the month, in one query, by city code. */
  async countyReviewByCity(period: string, manager: EntityManager = this.dataSource.manager): Promise<CityReviewCount[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT c.code, c.name,
              count(k.code)::int AS counties,
              count(k.code) FILTER (WHERE w.agency_code IS NOT NULL OR s.status = 'approved')::int AS reviewed,
              count(k.code) FILTER (WHERE w.agency_code IS NULL AND s.status = 'submitted')::int AS awaiting,
              count(k.code) FILTER (WHERE w.agency_code IS NULL AND s.status = 'returned')::int AS returned,
              count(k.code) FILTER (WHERE w.agency_code IS NULL AND coalesce(s.status, 'draft') = 'draft')::int AS not_reported
         FROM agency c
         LEFT JOIN agency k ON k.parent_code = c.code AND k.level = 'county'
         LEFT JOIN submission s ON s.agency_code = k.code AND s.period = $1
         LEFT JOIN submission_waiver w ON w.agency_code = k.code AND w.period = $1
        WHERE c.level = 'city'
        GROUP BY c.code, c.name
        ORDER BY c.code`,
      [period],
    );
    return rows.map((row) => ({
      code: row['code'] as string,
      name: row['name'] as string,
      counties: row['counties'] as number,
      reviewed: row['reviewed'] as number,
      awaiting: row['awaiting'] as number,
      returned: row['returned'] as number,
      notReported: row['not_reported'] as number,
    }));
  }

  /** The counties of one city with their submission's review and any waiver, by code. */
  async countyReviews(period: string, cityCode: string): Promise<CountyReviewRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT k.code, k.name, s.status, w.agency_code IS NOT NULL AS waived,
              CASE WHEN w.agency_code IS NOT NULL THEN w.reason ELSE s.return_reason END AS reason,
              CASE WHEN w.agency_code IS NOT NULL THEN w.waived_by ELSE s.reviewed_by END AS by,
              CASE WHEN w.agency_code IS NOT NULL THEN w.waived_at ELSE s.reviewed_at END AS at
         FROM agency k
         LEFT JOIN submission s ON s.agency_code = k.code AND s.period = $1
         LEFT JOIN submission_waiver w ON w.agency_code = k.code AND w.period = $1
        WHERE k.parent_code = $2 AND k.level = 'county'
        ORDER BY k.code`,
      [period, cityCode],
    );
    return rows.map((row) => ({
      agencyCode: row['code'] as string,
      name: row['name'] as string,
      status: row['status'] as string | null,
      waived: row['waived'] as boolean,
      reason: row['reason'] as string | null,
      by: row['by'] as string | null,
      at: row['at'] as Date | null,
    }));
  }

  /** Marks reminders for agencies with neither figures nor a waiver; returns the newly reminded codes. */
  async remindMissing(manager: EntityManager, period: string): Promise<string[]> {
    const rows: { agency_code: string }[] = await manager.query(
      `INSERT INTO submission_reminder (period, agency_code)
       SELECT $1, a.code FROM agency a
        WHERE NOT EXISTS (SELECT 1 FROM submission s WHERE s.period = $1 AND s.agency_code = a.code AND s.status <> 'draft')
          AND NOT EXISTS (SELECT 1 FROM submission_waiver w WHERE w.period = $1 AND w.agency_code = a.code)
       ON CONFLICT DO NOTHING
       RETURNING agency_code`,
      [period],
    );
    return rows.map((row) => row.agency_code).sort();
  }
}
