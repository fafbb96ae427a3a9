import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findFollowUp, selectByDeadline } from '../follow-ups/follow-up.sql';

export type AppealStatus = 'open' | 'upheld' | 'dismissed';

/** One appeal (异议) as stored. */
export interface AppealRow {
  id: string;
  period: string;
  agencyCode: string;
  indicatorCode: string | null;
  reason: string;
  deadline: string;
  status: AppealStatus;
  resolutionNote: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `a.id::text AS id, a.period, a.agency_code AS "agencyCode", a.indicator_code AS "indicatorCode",
  a.reason, to_char(a.deadline, 'YYYY-MM-DD') AS deadline, a.status, a.resolution_note AS "resolutionNote",
  a.resolved_by AS "resolvedBy", a.resolved_at AS "resolvedAt", a.created_by AS "createdBy",
  a.created_at AS "createdAt"`;
const FROM = { source: 'appeal a', columns: COLUMNS };

/** Appeals (异议) of published results: their queries and transitions. */
@Injectable()
export class AppealRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The appeals of `agencyCodes`, optionally of one month, newest first. */
  async list(query: { agencyCodes: string[]; period?: string }): Promise<AppealRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM appeal a
        WHERE a.agency_code = ANY($1::text[]) AND ($2::text IS NULL OR a.period = $2)
        ORDER BY a.created_at DESC, a.id DESC`,
      [query.agencyCodes, query.period ?? null],
    );
  }

  /** The appeals of `agencyCodes` still waiting for the province's ruling, oldest deadline first. */
  pending(agencyCodes: string[]): Promise<AppealRow[]> {
    return selectByDeadline(
      this.dataSource.manager,
      FROM,
      `a.agency_code = ANY($1::text[]) AND a.status = 'open'`,
      [agencyCodes],
    );
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AppealRow | null> {
    return findFollowUp(manager, FROM, id);
  }

  /** The appeal, locked until the transaction ends (two verdicts queue behind each other). */
  findForUpdate(manager: EntityManager, id: string): Promise<AppealRow | null> {
    return findFollowUp(manager, FROM, id, true);
  }

  /** Whether the agency has an appeal of the month still open. */
  async hasOpen(manager: EntityManager, period: string, agencyCode: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM appeal WHERE period = $1 AND agency_code = $2 AND status = 'open'`,
      [period, agencyCode],
    );
    return rows.length > 0;
  }

  /** A new open appeal; answers its id. */
  async insert(
    manager: EntityManager,
    appeal: {
      period: string;
      agencyCode: string;
      indicatorCode: string | null;
      reason: string;
      deadline: string;
      createdBy: string;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO appeal (period, agency_code, indicator_code, reason, deadline, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
      [
        appeal.period,
        appeal.agencyCode,
        appeal.indicatorCode,
        appeal.reason,
        appeal.deadline,
        appeal.createdBy,
      ],
    );
    return rows[0].id;
  }

  /** The province's verdict on an open appeal; false when it is no longer open. */
  async resolve(
    manager: EntityManager,
    id: string,
    verdict: { upheld: boolean; note: string; by: string },
  ): Promise<boolean> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE appeal SET status = CASE WHEN $2 THEN 'upheld' ELSE 'dismissed' END,
              resolution_note = $3, resolved_by = $4, resolved_at = now()
        WHERE id = $1 AND status = 'open'`,
      [id, verdict.upheld, verdict.note, verdict.by],
    );
    return affected === 1;
  }
}
