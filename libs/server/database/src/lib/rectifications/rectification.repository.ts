import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { StoredIndicatorResult } from '../entities/agency-result.entity';
import {
  findFollowUp,
  pendingCountsByAgency,
  selectByDeadline,
  statusFilter,
} from '../follow-ups/follow-up.sql';

export type StoredRectificationStatus = 'open' | 'responded' | 'closed';

/** One rectification item as stored; `overdue` is answered beside the stored status. */
export interface RectificationRow {
  id: string;
  period: string;
  agencyCode: string;
  indicatorCode: string | null;
  source: 'auto' | 'manual';
  reason: string;
  deadline: string;
  status: StoredRectificationStatus;
  overdue: boolean;
  closedAs: 'accepted' | 'withdrawn' | null;
  responseCause: string | null;
  responseMeasures: string | null;
  respondedBy: string | null;
  respondedAt: Date | null;
  verificationAccepted: boolean | null;
  verificationNote: string | null;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  version: number;
}

/** An automatic item the publication calls for. */
export interface AutomaticCause {
  agencyCode: string;
  indicatorCode: string | null;
  reason: string;
}

/**
 * The one rule of "overdue" in SQL (the same as `isRectificationOverdue` of the scoring lib): not
 * closed, and today in Asia/Shanghai is after the deadline day. Every list, filter and count reads it.
 */
const overdue = (alias: string): string =>
  `(${alias}.status <> 'closed' AND ${alias}.deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date)`;

const COLUMNS = `r.id::text AS id, r.period, r.agency_code AS "agencyCode", r.indicator_code AS "indicatorCode",
  r.source, r.reason, to_char(r.deadline, 'YYYY-MM-DD') AS deadline, r.status, ${overdue('r')} AS overdue,
  r.closed_as AS "closedAs", r.response_cause AS "responseCause", r.response_measures AS "responseMeasures",
  r.responded_by AS "respondedBy", r.responded_at AS "respondedAt",
  r.verification_accepted AS "verificationAccepted", r.verification_note AS "verificationNote",
  r.verified_by AS "verifiedBy", r.verified_at AS "verifiedAt", r.created_by AS "createdBy",
  r.created_at AS "createdAt", r.version`;
const FROM = { source: 'rectification r', columns: COLUMNS };

/** Rectification items (整改事项): their queries and transitions. */
@Injectable()
export class RectificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The items of `agencyCodes`, optionally of one month and one (derived) status, nearest deadline
   * first.
   */
  async list(query: {
    agencyCodes: string[];
    period?: string;
    status?: StoredRectificationStatus | 'overdue';
  }): Promise<RectificationRow[]> {
    const status = statusFilter(overdue('r'), 'r', query.status, 3);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM rectification r
        WHERE r.agency_code = ANY($1::text[]) AND ($2::text IS NULL OR r.period = $2) AND ${status.sql}
        ORDER BY r.deadline, r.id`,
      [query.agencyCodes, query.period ?? null, ...status.params],
    );
  }

  /** The items of `agencyCodes` waiting for their answer (open or sent back), nearest deadline first. */
  awaitingAnswer(agencyCodes: string[]): Promise<RectificationRow[]> {
    return selectByDeadline(
      this.dataSource.manager,
      FROM,
      `r.agency_code = ANY($1::text[]) AND r.status = 'open'`,
      [agencyCodes],
    );
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RectificationRow | null> {
    return findFollowUp(manager, FROM, id);
  }

  /** The item, locked until the transaction ends (its transitions queue behind each other). */
  findForUpdate(manager: EntityManager, id: string): Promise<RectificationRow | null> {
    return findFollowUp(manager, FROM, id, true);
  }

  /** An item raised by hand; answers its id. */
  async insertManual(
    manager: EntityManager,
    item: {
      period: string;
      agencyCode: string;
      indicatorCode: string | null;
      reason: string;
      deadline: string;
      createdBy: string;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO rectification (period, agency_code, indicator_code, source, reason, deadline, created_by)
       VALUES ($1, $2, $3, 'manual', $4, $5, $6) RETURNING id::text AS id`,
      [
        item.period,
        item.agencyCode,
        item.indicatorCode,
        item.reason,
        item.deadline,
        item.createdBy,
      ],
    );
    return rows[0].id;
  }

  /**
   * The results of a published version that the automatic items look at: every reported agency's
   * overall grade and its indicators (aggregate scope: the figures people see).
   */
  async publishedResults(
    manager: EntityManager,
    period: string,
    version: number,
  ): Promise<
    {
      agencyCode: string;
      grade: string | null;
      indicators: Record<string, StoredIndicatorResult>;
    }[]
  > {
    return manager.query(
      `SELECT agency_code AS "agencyCode", grade, indicators FROM published_result
        WHERE period = $1 AND version = $2 AND scope = 'aggregate' AND reported ORDER BY agency_code`,
      [period, version],
    );
  }

  /**
   * Raises the automatic items of a publication. An item already raised for the same month, agency
   * and cause (an earlier version) is kept as it is, with its deadline and answers; one the system
   * withdrew is opened again with the new deadline, since its cause is back. Answers the items
   * created or opened again.
   */
  async raiseAutomatic(
    manager: EntityManager,
    input: { period: string; causes: AutomaticCause[]; deadline: string; createdBy: string },
  ): Promise<
    { id: string; agencyCode: string; indicatorCode: string | null; reopened: boolean }[]
  > {
    if (input.causes.length === 0) return [];
    return manager.query(
      `INSERT INTO rectification AS r (period, agency_code, indicator_code, source, reason, deadline, created_by)
       SELECT $1, agency_code, indicator_code, 'auto', reason, $5::date, $6
         FROM unnest($2::text[], $3::text[], $4::text[]) AS c (agency_code, indicator_code, reason)
       ON CONFLICT (period, agency_code, coalesce(indicator_code, '')) WHERE source = 'auto'
       DO UPDATE SET status = 'open', closed_as = NULL, deadline = EXCLUDED.deadline,
                     verification_accepted = NULL, verification_note = NULL, verified_by = NULL,
                     verified_at = NULL, version = r.version + 1
         WHERE r.closed_as = 'withdrawn'
       RETURNING r.id::text AS id, r.agency_code AS "agencyCode", r.indicator_code AS "indicatorCode",
                 (r.version > 1) AS reopened`,
      [
        input.period,
        input.causes.map((cause) => cause.agencyCode),
        input.causes.map((cause) => cause.indicatorCode),
        input.causes.map((cause) => cause.reason),
        input.deadline,
        input.createdBy,
      ],
    );
  }

  /**
   * Withdraws the automatic items of the month that a republished version no longer calls for and
   * that are not closed yet: closed as `withdrawn`, with the note why, never deleted. Answers the
   * items withdrawn with their status before.
   */
  async withdrawAutomatic(
    manager: EntityManager,
    input: {
      period: string;
      keep: { agencyCode: string; indicatorCode: string | null }[];
      /** Only items of these agencies (a province's part of a national month); all when absent. */
      agencies?: readonly string[];
      note: string;
      by: string;
    },
  ): Promise<
    {
      id: string;
      agencyCode: string;
      indicatorCode: string | null;
      before: StoredRectificationStatus;
    }[]
  > {
    const [rows]: [
      {
        id: string;
        agencyCode: string;
        indicatorCode: string | null;
        before: StoredRectificationStatus;
      }[],
      number,
    ] = await manager.query(
      `UPDATE rectification r
            SET status = 'closed', closed_as = 'withdrawn', verification_note = $4, verified_by = $5,
                verified_at = now(), version = r.version + 1
           FROM rectification old
          WHERE r.id = old.id AND r.period = $1 AND r.source = 'auto' AND r.status <> 'closed'
            AND ($6::text[] IS NULL OR r.agency_code = ANY($6::text[]))
            AND (r.agency_code, coalesce(r.indicator_code, '')) NOT IN (
              SELECT agency_code, coalesce(indicator_code, '')
                FROM unnest($2::text[], $3::text[]) AS k (agency_code, indicator_code))
        RETURNING r.id::text AS id, r.agency_code AS "agencyCode", r.indicator_code AS "indicatorCode",
                  old.status AS before`,
      [
        input.period,
        input.keep.map((item) => item.agencyCode),
        input.keep.map((item) => item.indicatorCode),
        input.note,
        input.by,
        input.agencies ?? null,
      ],
    );
    return rows;
  }

  /**
   * The head's answer, when the item is still at `version` and open; false when it is not (the
   * caller re-reads to say why).
   */
  async respond(
    manager: EntityManager,
    id: string,
    answer: { cause: string; measures: string; by: string; version: number },
  ): Promise<boolean> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE rectification SET status = 'responded', response_cause = $2, response_measures = $3,
              responded_by = $4, responded_at = now(), version = version + 1
        WHERE id = $1 AND version = $5 AND status = 'open'`,
      [id, answer.cause, answer.measures, answer.by, answer.version],
    );
    return affected === 1;
  }

  /** The admin's verdict on a responded item at `version`: accepted closes it, otherwise it is open again. */
  async verify(
    manager: EntityManager,
    id: string,
    verdict: { accepted: boolean; note: string; by: string; version: number },
  ): Promise<boolean> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE rectification SET status = CASE WHEN $2 THEN 'closed' ELSE 'open' END,
              closed_as = CASE WHEN $2 THEN 'accepted' END, verification_accepted = $2,
              verification_note = $3, verified_by = $4, verified_at = now(), version = version + 1
        WHERE id = $1 AND version = $5 AND status = 'responded'`,
      [id, verdict.accepted, verdict.note, verdict.by, verdict.version],
    );
    return affected === 1;
  }

  /**
   * Per agency, its items of `period` not closed yet and the nearest of their deadlines, inside the
   * caller's transaction (what a publication tells each head). Agencies without any are absent.
   */
  async outstandingOfMonth(
    manager: EntityManager,
    period: string,
  ): Promise<Map<string, { count: number; deadline: string }>> {
    const rows: { agencyCode: string; count: number; deadline: string }[] = await manager.query(
      `SELECT r.agency_code AS "agencyCode", count(*)::int AS count,
              to_char(min(r.deadline), 'YYYY-MM-DD') AS deadline
         FROM rectification r
        WHERE r.period = $1 AND r.status <> 'closed'
        GROUP BY r.agency_code`,
      [period],
    );
    return new Map(
      rows.map((row) => [row.agencyCode, { count: row.count, deadline: row.deadline }]),
    );
  }

  /**
   * Per agency of `agencyCodes`, its items not closed yet (`open`, whichever month) and how many of
   * them are overdue: one grouped query. Agencies without any are absent.
   */
  async countsByAgency(
    agencyCodes: string[],
  ): Promise<Map<string, { open: number; overdue: number }>> {
    return pendingCountsByAgency(
      this.dataSource.manager,
      { source: 'rectification r', pending: `r.status <> 'closed'`, overdue: overdue('r') },
      agencyCodes,
    );
  }
}
