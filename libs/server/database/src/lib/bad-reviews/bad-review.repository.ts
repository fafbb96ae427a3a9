import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  findFollowUp,
  pendingCountsByAgency,
  selectByDeadline,
  statusFilter,
} from '../follow-ups/follow-up.sql';

export type StoredBadReviewStatus = 'open' | 'verified' | 'appealed' | 'closed' | 'voided';

/** One bad review (差评) case as stored; `overdue` is answered beside the stored status. */
export interface BadReviewRow {
  id: string;
  period: string;
  agencyCode: string;
  ratingId: string | null;
  ratedAt: Date;
  channel: string;
  level: number;
  serviceItem: string | null;
  comment: string | null;
  deadline: string;
  status: StoredBadReviewStatus;
  overdue: boolean;
  outcome: 'rectified' | 'explained' | null;
  voidedAs: 'ruling' | 'withdrawn' | null;
  previousStatus: StoredBadReviewStatus | null;
  verifyNote: string | null;
  resolveNote: string | null;
  appealReason: string | null;
  rulingNote: string | null;
  version: number;
}

/**
 * The one rule of "overdue" in SQL (the same as `isBadReviewOverdue` of the scoring lib): neither
 * closed nor voided, and today in Asia/Shanghai is after the deadline day.
 */
export const badReviewOverdueSql = (alias: string): string =>
  `(${alias}.status NOT IN ('closed', 'voided') AND ${alias}.deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date)`;

const COLUMNS = `b.id::text AS id, b.period, b.agency_code AS "agencyCode", b.rating_id AS "ratingId",
  b.rated_at AS "ratedAt", b.channel, b.level, b.service_item AS "serviceItem", b.comment,
  to_char(b.deadline, 'YYYY-MM-DD') AS deadline, b.status, ${badReviewOverdueSql('b')} AS overdue,
  b.outcome, b.voided_as AS "voidedAs", b.previous_status AS "previousStatus",
  b.verify_note AS "verifyNote", b.resolve_note AS "resolveNote", b.appeal_reason AS "appealReason",
  b.ruling_note AS "rulingNote", b.version`;
const FROM = { source: 'bad_review b', columns: COLUMNS };

/** Bad review cases: their queries (the importer creates and replaces them). */
@Injectable()
export class BadReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The cases of `agencyCodes`, optionally of one month and one (derived) status, nearest deadline first. */
  async list(query: {
    agencyCodes: string[];
    period?: string;
    status?: StoredBadReviewStatus | 'overdue';
    limit: number;
    offset: number;
  }): Promise<{ rows: BadReviewRow[]; total: number }> {
    const status = statusFilter(badReviewOverdueSql('b'), 'b', query.status, 5);
    const rows: (BadReviewRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM bad_review b
        WHERE b.agency_code = ANY($1::text[]) AND ($2::text IS NULL OR b.period = $2) AND ${status.sql}
        ORDER BY b.deadline, b.id LIMIT $3 OFFSET $4`,
      [query.agencyCodes, query.period ?? null, query.limit, query.offset, ...status.params],
    );
    return {
      rows: rows.map(({ total: _total, ...row }) => row),
      total: rows.length === 0 ? 0 : Number(rows[0].total),
    };
  }

  /** The cases of `agencyCodes` waiting for their handling (open or verified), nearest deadline first. */
  awaitingAnswer(agencyCodes: string[]): Promise<BadReviewRow[]> {
    return selectByDeadline(
      this.dataSource.manager,
      FROM,
      `b.agency_code = ANY($1::text[]) AND b.status IN ('open', 'verified')`,
      [agencyCodes],
    );
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BadReviewRow | null> {
    return findFollowUp(manager, FROM, id);
  }

  /** The case, locked until the transaction ends (its transitions queue behind each other). */
  findForUpdate(manager: EntityManager, id: string): Promise<BadReviewRow | null> {
    return findFollowUp(manager, FROM, id, true);
  }

  /** The head's verification (核实) of an open case at `version`; false when it is not. */
  async verify(
    manager: EntityManager,
    id: string,
    input: { note: string; by: string; version: number },
  ): Promise<boolean> {
    return this.transition(
      manager,
      `status = 'verified', verify_note = $3, verified_by = $4, verified_at = now()`,
      `status = 'open'`,
      [id, input.version, input.note, input.by],
    );
  }

  /** The head's resolution of a verified case: closed as rectified or explained. */
  async resolve(
    manager: EntityManager,
    id: string,
    input: { outcome: 'rectified' | 'explained'; note: string; by: string; version: number },
  ): Promise<boolean> {
    return this.transition(
      manager,
      `status = 'closed', outcome = $3, resolve_note = $4, resolved_by = $5, resolved_at = now()`,
      `status = 'verified'`,
      [id, input.version, input.outcome, input.note, input.by],
    );
  }

  /** The agency's appeal (the review mistaken or malicious) of an open or verified case. */
  async appeal(
    manager: EntityManager,
    id: string,
    input: { reason: string; by: string; version: number },
  ): Promise<boolean> {
    return this.transition(
      manager,
      `status = 'appealed', previous_status = status, appeal_reason = $3, appealed_by = $4,
       appealed_at = now()`,
      `status IN ('open', 'verified')`,
      [id, input.version, input.reason, input.by],
    );
  }

  /** The province's ruling on an appealed case: voided, or back to the status it had. */
  async rule(
    manager: EntityManager,
    id: string,
    input: { void: boolean; note: string; by: string; version: number },
  ): Promise<boolean> {
    return this.transition(
      manager,
      `status = CASE WHEN $3 THEN 'voided' ELSE previous_status END,
       voided_as = CASE WHEN $3 THEN 'ruling' END,
       previous_status = CASE WHEN $3 THEN previous_status END,
       ruling_void = $3, ruling_note = $4, ruled_by = $5, ruled_at = now()`,
      `status = 'appealed'`,
      [id, input.version, input.void, input.note, input.by],
    );
  }

  /**
   * Per agency of `agencyCodes`, its cases still to handle (neither closed nor voided, any month)
   * and how many of them are overdue. Agencies without any are absent.
   */
  async countsByAgency(
    agencyCodes: string[],
  ): Promise<Map<string, { open: number; overdue: number }>> {
    return pendingCountsByAgency(
      this.dataSource.manager,
      {
        source: 'bad_review b',
        pending: `b.status NOT IN ('closed', 'voided')`,
        overdue: badReviewOverdueSql('b'),
      },
      agencyCodes,
    );
  }

  /** One step of a case still at `$2` (its version) and in the state `from`. */
  private async transition(
    manager: EntityManager,
    set: string,
    from: string,
    params: unknown[],
  ): Promise<boolean> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE bad_review SET ${set}, version = version + 1 WHERE id = $1 AND version = $2 AND ${from}`,
      params,
    );
    return affected === 1;
  }
}
