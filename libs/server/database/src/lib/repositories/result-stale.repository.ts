import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The mark that stands for the whole month rather than one agency. */
export const WHOLE_MONTH = '*';

/** One "results behind" mark: an agency (or {@link WHOLE_MONTH}) and the mark's serial. */
export interface StaleMark {
  agencyCode: string;
  mark: string;
}

/** What a month's computation has to catch up on, read in one snapshot. */
export interface PendingComputation {
  dataRevision: number;
  computedRevision: number | null;
  marks: StaleMark[];
}

/**
 * The marks a write leaves for the month's computation: which agencies' results are behind their
 * figures. A write adds them in its own transaction (never waiting on a computation); the
 * computation clears only the marks it read, so a mark renewed while it ran survives it.
 */
@Injectable()
export class ResultStaleRepository {
  /** Marks agencies' results of a month as behind their figures, in the caller's transaction. */
  async markAgencies(manager: EntityManager, period: string, agencyCodes: readonly string[]): Promise<void> {
    if (agencyCodes.length === 0) return;
    await manager.query(
      `INSERT INTO result_stale (period, agency_code)
       SELECT $1, code FROM unnest($2::text[]) AS code
       ON CONFLICT (period, agency_code) DO UPDATE SET mark = nextval('result_stale_mark_seq')`,
      [period, agencyCodes],
    );
  }

  /** Marks every result of the month as behind (a full computation is needed). */
  markWholeMonth(manager: EntityManager, period: string): Promise<void> {
    return this.markAgencies(manager, period, [WHOLE_MONTH]);
  }

  /**
   * Serialises the month's computations among themselves until the caller's transaction ends.
   * Writes never take this lock, so none waits behind a computation.
   */
  async lockComputation(manager: EntityManager, period: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('result_stale'), hashtext($1))`, [period]);
  }

  /**
   * The month's revisions and its marks, in one statement (one snapshot): every mark of a write
   * counted in `dataRevision` is among `marks`. Null when the month does not exist.
   */
  async pending(manager: EntityManager, period: string): Promise<PendingComputation | null> {
    const rows: { data_revision: number; computed_revision: number | null; marks: StaleMark[] | null }[] =
      await manager.query(
        `SELECT p.data_revision, p.computed_revision,
                (SELECT json_agg(json_build_object('agencyCode', s.agency_code, 'mark', s.mark::text))
                   FROM result_stale s WHERE s.period = p.period) AS marks
           FROM period p WHERE p.period = $1`,
        [period],
      );
    if (rows.length === 0) return null;
    return {
      dataRevision: rows[0].data_revision,
      computedRevision: rows[0].computed_revision,
      marks: rows[0].marks ?? [],
    };
  }

  /** Clears the marks a computation took into account; a mark renewed since (a new serial) stays. */
  async clear(manager: EntityManager, period: string, marks: readonly StaleMark[]): Promise<void> {
    if (marks.length === 0) return;
    await manager.query(
      `DELETE FROM result_stale s
        USING unnest($2::text[], $3::bigint[]) AS taken(agency_code, mark)
        WHERE s.period = $1 AND s.agency_code = taken.agency_code AND s.mark = taken.mark`,
      [period, marks.map((mark) => mark.agencyCode), marks.map((mark) => mark.mark)],
    );
  }
}
