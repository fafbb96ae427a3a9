import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type StarObjectionStatus = 'open' | 'upheld' | 'dismissed' | 'void';

export interface StarObjectionRow {
  id: string;
  period: string;
  agencyCode: string;
  candidateId: string;
  reason: string;
  filedBy: string;
  filedAt: Date;
  status: StarObjectionStatus;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

const OBJECTION_COLUMNS = `id::text AS id, period, agency_code AS "agencyCode", candidate_id::text AS "candidateId",
  reason, filed_by AS "filedBy", filed_at AS "filedAt", status, resolution_note AS "resolutionNote",
  resolved_by AS "resolvedBy", resolved_at AS "resolvedAt"`;

/** The objections filed against a service star while it is publicised (公示). */
@Injectable()
export class StarObjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertObjection(
    manager: EntityManager,
    objection: {
      period: string;
      agencyCode: string;
      candidateId: string;
      reason: string;
      filedBy: string;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO star_objection (period, agency_code, candidate_id, reason, filed_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id`,
      [
        objection.period,
        objection.agencyCode,
        objection.candidateId,
        objection.reason,
        objection.filedBy,
      ],
    );
    return rows[0].id;
  }

  async findObjection(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StarObjectionRow | null> {
    const rows: StarObjectionRow[] = await manager.query(
      `SELECT ${OBJECTION_COLUMNS} FROM star_objection WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  listObjections(
    period: string,
    agencyCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StarObjectionRow[]> {
    return manager.query(
      `SELECT ${OBJECTION_COLUMNS} FROM star_objection WHERE period = $1 AND agency_code = $2 ORDER BY filed_at, id`,
      [period, agencyCode],
    );
  }

  async resolveObjection(
    manager: EntityManager,
    resolution: {
      id: string;
      status: 'upheld' | 'dismissed';
      note: string;
      resolvedBy: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE star_objection SET status = $2, resolution_note = $3, resolved_by = $4, resolved_at = $5 WHERE id = $1`,
      [resolution.id, resolution.status, resolution.note, resolution.resolvedBy, resolution.at],
    );
  }

  /** Closes the other open objections against a selection that has just been withdrawn. */
  async voidOpenObjections(
    manager: EntityManager,
    period: string,
    agencyCode: string,
    at: Date,
  ): Promise<number> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE star_objection SET status = 'void', resolved_at = $3,
              resolution_note = 'The selection was withdrawn after another objection'
        WHERE period = $1 AND agency_code = $2 AND status = 'open'`,
      [period, agencyCode, at],
    );
    return affected;
  }

  async countOpenObjections(
    manager: EntityManager,
    period: string,
    agencyCode: string,
  ): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM star_objection WHERE period = $1 AND agency_code = $2 AND status = 'open'`,
      [period, agencyCode],
    );
    return rows[0].count;
  }
}
