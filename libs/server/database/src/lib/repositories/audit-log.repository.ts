import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity } from '../entities';

export interface AuditEntry {
  username: string;
  role: string | null;
  agencyCode: string | null;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** Who acts: the caller of a write. */
export interface AuditActor {
  username: string;
  role: string;
  agencyCode: string;
  requestId: string | null;
}

export interface AuditQuery {
  /** Entries by users of this agency or its descendants. */
  agencyCodes?: string[];
  /** Also entries tied to no agency (failed logins of unknown usernames): for the top of the tree. */
  includeUnattributed?: boolean;
  username?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one entry inside the caller's transaction, so the entry and the change stand or fall together. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (username, role, agency_code, action, target, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
      [
        entry.username,
        entry.role,
        entry.agencyCode,
        entry.action,
        entry.target,
        entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
        entry.requestId,
      ],
    );
  }

  /** Appends the entry of a write by `actor`, inside the caller's transaction. */
  recordAction(
    manager: EntityManager,
    actor: AuditActor,
    action: string,
    target: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    return this.record(manager, {
      username: actor.username,
      role: actor.role,
      agencyCode: actor.agencyCode,
      requestId: actor.requestId,
      action,
      target,
      before,
      after,
    });
  }

  /** Newest first. */
  find(query: AuditQuery): Promise<AuditLogEntity[]> {
    const builder = this.dataSource
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(query.limit);
    if (query.agencyCodes) {
      builder.andWhere(
        query.includeUnattributed ? '(a.agency_code IN (:...codes) OR a.agency_code IS NULL)' : 'a.agency_code IN (:...codes)',
        { codes: query.agencyCodes },
      );
    }
    if (query.username) builder.andWhere('a.username = :username', { username: query.username });
    if (query.from) builder.andWhere('a.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.at <= :to', { to: query.to });
    return builder.getMany();
  }
}
