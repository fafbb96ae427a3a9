import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Who did a step of a follow-up, when, and what they wrote. */
export interface HistoryStep {
  by: string;
  at: Date;
  note: string;
}

/** How a rectification item went after it was raised (`createdAt`): the head's answer, the admin's verdict. */
export interface RectificationHistory {
  id: string;
  createdAt: Date;
  response: { cause: string; measures: string; by: string; at: Date } | null;
  /** Only after a response; accepted closes the item, otherwise it was sent back (open again). */
  verification: (HistoryStep & { accepted: boolean }) | null;
}

/** A bad review case and the steps taken on it, in order; the status follows from the steps. */
export interface BadReviewHistory {
  period: string;
  agencyCode: string;
  ratingId: string;
  ratedAt: Date;
  channel: string;
  level: number;
  serviceItem: string;
  comment: string;
  deadline: string;
  createdAt: Date;
  verification: HistoryStep | null;
  resolution: (HistoryStep & { outcome: 'rectified' | 'explained' }) | null;
  appeal: HistoryStep | null;
  /** Only after an appeal: void or not. */
  ruling: (HistoryStep & { void: boolean }) | null;
}

/** An appeal as it was raised, and the province's verdict if any. */
export interface AppealHistory {
  period: string;
  agencyCode: string;
  indicatorCode: string | null;
  reason: string;
  deadline: string;
  createdBy: string;
  createdAt: Date;
  resolution: (HistoryStep & { upheld: boolean }) | null;
}

/**
 * Writes follow-up work (rectification answers and verdicts, bad review cases, appeals) as it
 * happened at given times, in bulk: for loading a history that was not lived through this
 * system's own transitions (the demo's past months). Live transitions stay in their own
 * repositories, stamped with the time they happen.
 */
@Injectable()
export class FollowUpHistoryRepository {
  /** Every rectification item, as far as a history needs it (read in the caller's transaction). */
  async rectifications(manager: EntityManager): Promise<
    {
      id: string;
      period: string;
      agencyCode: string;
      indicatorCode: string | null;
      source: 'auto' | 'manual';
      deadline: string;
    }[]
  > {
    return manager.query(
      `SELECT id::text AS id, period, agency_code AS "agencyCode", indicator_code AS "indicatorCode", source,
              to_char(deadline, 'YYYY-MM-DD') AS deadline
         FROM rectification ORDER BY period, agency_code, source, coalesce(indicator_code, '')`,
    );
  }

  /** Sets each item's raise time, answer and verdict, and the status they lead to. */
  async recordRectifications(manager: EntityManager, items: RectificationHistory[]): Promise<void> {
    if (items.length === 0) return;
    const status = (item: RectificationHistory) =>
      item.verification?.accepted
        ? 'closed'
        : item.response && !item.verification
          ? 'responded'
          : 'open';
    await manager.query(
      `UPDATE rectification r
          SET created_at = h.created_at, status = h.status,
              closed_as = CASE WHEN h.status = 'closed' THEN 'accepted' END,
              response_cause = h.cause, response_measures = h.measures, responded_by = h.responded_by,
              responded_at = h.responded_at, verification_accepted = h.accepted,
              verification_note = h.note, verified_by = h.verified_by, verified_at = h.verified_at,
              version = r.version + h.steps
         FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::timestamptz[], $8::boolean[], $9::text[], $10::text[], $11::timestamptz[], $12::int[])
              AS h (id, created_at, status, cause, measures, responded_by, responded_at, accepted, note,
                    verified_by, verified_at, steps)
        WHERE r.id = h.id`,
      [
        items.map((item) => item.id),
        items.map((item) => item.createdAt),
        items.map(status),
        items.map((item) => item.response?.cause ?? null),
        items.map((item) => item.response?.measures ?? null),
        items.map((item) => item.response?.by ?? null),
        items.map((item) => item.response?.at ?? null),
        items.map((item) => item.verification?.accepted ?? null),
        items.map((item) => item.verification?.note ?? null),
        items.map((item) => item.verification?.by ?? null),
        items.map((item) => item.verification?.at ?? null),
        items.map((item) => (item.response ? 1 : 0) + (item.verification ? 1 : 0)),
      ],
    );
  }

  /** Inserts the cases with their steps; answers how many. */
  async insertBadReviews(manager: EntityManager, cases: BadReviewHistory[]): Promise<number> {
    if (cases.length === 0) return 0;
    const beforeAppeal = (item: BadReviewHistory) => (item.verification ? 'verified' : 'open');
    const status = (item: BadReviewHistory) =>
      item.ruling?.void
        ? 'voided'
        : item.appeal && !item.ruling
          ? 'appealed'
          : item.resolution
            ? 'closed'
            : beforeAppeal(item);
    const steps = (item: BadReviewHistory) =>
      1 + [item.verification, item.resolution, item.appeal, item.ruling].filter(Boolean).length;
    const rows: unknown[] = await manager.query(
      `INSERT INTO bad_review (period, agency_code, rating_id, rated_at, channel, level, service_item, comment,
                               deadline, created_at, status, outcome, voided_as, previous_status,
                               verify_note, verified_by, verified_at, resolve_note, resolved_by, resolved_at,
                               appeal_reason, appealed_by, appealed_at, ruling_void, ruling_note, ruled_by, ruled_at,
                               version)
       SELECT * FROM unnest($1::char(7)[], $2::char(6)[], $3::text[], $4::timestamptz[], $5::text[], $6::smallint[],
                            $7::text[], $8::text[], $9::date[], $10::timestamptz[], $11::text[], $12::text[], $13::text[],
                            $14::text[], $15::text[], $16::text[], $17::timestamptz[], $18::text[], $19::text[],
                            $20::timestamptz[], $21::text[], $22::text[], $23::timestamptz[], $24::boolean[], $25::text[],
                            $26::text[], $27::timestamptz[], $28::int[])
       RETURNING 1`,
      [
        cases.map((item) => item.period),
        cases.map((item) => item.agencyCode),
        cases.map((item) => item.ratingId),
        cases.map((item) => item.ratedAt),
        cases.map((item) => item.channel),
        cases.map((item) => item.level),
        cases.map((item) => item.serviceItem),
        cases.map((item) => item.comment),
        cases.map((item) => item.deadline),
        cases.map((item) => item.createdAt),
        cases.map(status),
        cases.map((item) =>
          status(item) === 'closed' ? (item.resolution?.outcome ?? null) : null,
        ),
        cases.map((item) => (item.ruling?.void ? 'ruling' : null)),
        cases.map((item) =>
          item.appeal && (!item.ruling || item.ruling.void) ? beforeAppeal(item) : null,
        ),
        cases.map((item) => item.verification?.note ?? null),
        cases.map((item) => item.verification?.by ?? null),
        cases.map((item) => item.verification?.at ?? null),
        cases.map((item) => item.resolution?.note ?? null),
        cases.map((item) => item.resolution?.by ?? null),
        cases.map((item) => item.resolution?.at ?? null),
        cases.map((item) => item.appeal?.note ?? null),
        cases.map((item) => item.appeal?.by ?? null),
        cases.map((item) => item.appeal?.at ?? null),
        cases.map((item) => item.ruling?.void ?? null),
        cases.map((item) => item.ruling?.note ?? null),
        cases.map((item) => item.ruling?.by ?? null),
        cases.map((item) => item.ruling?.at ?? null),
        cases.map(steps),
      ],
    );
    return rows.length;
  }

  /** Inserts an appeal as it was raised and ruled on; answers its id. */
  async insertAppeal(manager: EntityManager, appeal: AppealHistory): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO appeal (period, agency_code, indicator_code, reason, deadline, created_by, created_at, status,
                           resolution_note, resolved_by, resolved_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text AS id`,
      [
        appeal.period,
        appeal.agencyCode,
        appeal.indicatorCode,
        appeal.reason,
        appeal.deadline,
        appeal.createdBy,
        appeal.createdAt,
        appeal.resolution === null ? 'open' : appeal.resolution.upheld ? 'upheld' : 'dismissed',
        appeal.resolution?.note ?? null,
        appeal.resolution?.by ?? null,
        appeal.resolution?.at ?? null,
      ],
    );
    return rows[0].id;
  }
}
