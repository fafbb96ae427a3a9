import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Grade } from '@scorecard/contracts';

/** One agency's published result of one month, as far as the warning streaks look at it. */
export interface StandingRow {
  period: string;
  agencyCode: string;
  grade: Grade | null;
  rankInParent: number | null;
  rankedInParent: number;
  rankChange: number | null;
  belowFloor: string[];
}

/** A talk (约谈) the province held with a warned agency about a month. */
export interface WarningTalkRow {
  period: string;
  agencyCode: string;
  heldOn: string;
  note: string;
  recordedBy: string;
  recordedAt: Date;
}

/** The standings the warnings are computed from, and the talks recorded on them. */
@Injectable()
export class WarningRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Per agency of `agencyCodes` and published month up to `period` (its current published version,
   * own-level aggregate scope as the league tables show): grade, rank within its parent, how many
   * were ranked there, the rank change, and the indicators at or below their floor (score 0 on a
   * denominator above 0). One query. Months not published (never, or reopened) are absent; in a
   * national tree, an agency's month counts once its province's part is published (the month's
   * cumulative published version then holds the province's results).
   */
  async standings(period: string, agencyCodes: string[]): Promise<StandingRow[]> {
    return this.dataSource.query(
      `WITH RECURSIVE up AS (
         SELECT a.code AS agency_code, a.code, a.parent_code FROM agency a WHERE a.code = ANY($2::text[])
         UNION ALL
         SELECT up.agency_code, g.code, g.parent_code FROM up JOIN agency g ON g.code = up.parent_code
       ), province AS (
         SELECT up.agency_code, up.code AS province_code
           FROM up JOIN agency n ON n.code = up.parent_code AND n.level = 'nation'
       )
       SELECT p.period, p.agency_code AS "agencyCode", p.grade, p.rank_in_parent AS "rankInParent",
              p.parent_size AS "rankedInParent", p.rank_change_in_parent AS "rankChange",
              coalesce((SELECT array_agg(i.key ORDER BY i.key) FROM jsonb_each(p.indicators) i
                         WHERE (i.value->>'score')::numeric = 0
                           AND (i.value->>'denominator')::numeric > 0), '{}') AS "belowFloor"
         FROM published_result p
         JOIN period m ON m.period = p.period AND p.version = m.published_version
         LEFT JOIN province pr ON pr.agency_code = p.agency_code
         LEFT JOIN period_part pp ON pp.period = p.period AND pp.province_code = pr.province_code
        WHERE coalesce(pp.status, m.status) = 'published' AND p.period <= $1 AND p.scope = 'aggregate' AND p.reported AND p.agency_code = ANY($2::text[])
        ORDER BY p.agency_code, p.period`,
      [period, agencyCodes],
    );
  }

  async talks(period: string, agencyCodes: string[]): Promise<WarningTalkRow[]> {
    return this.dataSource.query(
      `SELECT period, agency_code AS "agencyCode", to_char(held_on, 'YYYY-MM-DD') AS "heldOn", note,
              recorded_by AS "recordedBy", recorded_at AS "recordedAt"
         FROM warning_talk WHERE period = $1 AND agency_code = ANY($2::text[])`,
      [period, agencyCodes],
    );
  }

  async findTalk(
    manager: EntityManager,
    period: string,
    agencyCode: string,
  ): Promise<WarningTalkRow | null> {
    const rows: WarningTalkRow[] = await manager.query(
      `SELECT period, agency_code AS "agencyCode", to_char(held_on, 'YYYY-MM-DD') AS "heldOn", note,
              recorded_by AS "recordedBy", recorded_at AS "recordedAt"
         FROM warning_talk WHERE period = $1 AND agency_code = $2 FOR UPDATE`,
      [period, agencyCode],
    );
    return rows[0] ?? null;
  }

  /** Records the talk of the month with the agency; a second record of it replaces the first. */
  async recordTalk(
    manager: EntityManager,
    talk: { period: string; agencyCode: string; heldOn: string; note: string; by: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO warning_talk (period, agency_code, held_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (period, agency_code) DO UPDATE
         SET held_on = EXCLUDED.held_on, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [talk.period, talk.agencyCode, talk.heldOn, talk.note, talk.by],
    );
  }
}
