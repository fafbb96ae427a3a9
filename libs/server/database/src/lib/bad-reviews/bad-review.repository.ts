import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

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
    const status =
      query.status === undefined
        ? 'true'
        : query.status === 'overdue'
          ? badReviewOverdueSql('b')
          : `(b.status = $5 AND NOT ${badReviewOverdueSql('b')})`;
    const rows: (BadReviewRow & { total: string })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total FROM bad_review b
        WHERE b.agency_code = ANY($1::text[]) AND ($2::text IS NULL OR b.period = $2) AND ${status}
        ORDER BY b.deadline, b.id LIMIT $3 OFFSET $4`,
      [
        query.agencyCodes,
        query.period ?? null,
        query.limit,
        query.offset,
        ...(query.status && query.status !== 'overdue' ? [query.status] : []),
      ],
    );
    return {
      rows: rows.map(({ total: _total, ...row }) => row),
      total: rows.length === 0 ? 0 : Number(rows[0].total),
    };
  }
}
