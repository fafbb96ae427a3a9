import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntity } from '../entities';

/**
 * Who acts: the caller of a write through the API, or {@link SYSTEM_ACTOR} for scheduled jobs. A
 * failed login of an unknown username has neither role nor agency.
 */
export interface AuditActor {
  username: string;
  role: string | null;
  agencyCode: string | null;
  /** Correlates the entry with the request log; null for jobs and secret ballots. */
  requestId: string | null;
}

/** The actor of what the product does by itself (a star confirmed when its publicity ends). */
export const SYSTEM_ACTOR: Readonly<AuditActor> = Object.freeze({
  username: 'system',
  role: null,
  agencyCode: null,
  requestId: null,
});

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

  /**
   * Appends the entry of a write by `actor` inside the caller's transaction, so the entry and the
   * change stand or fall together. The only way anything writes to the audit log.
   */
  async recordAction(
    manager: EntityManager,
    actor: AuditActor,
    action: string,
    target: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (username, role, agency_code, action, target, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
      [
        actor.username,
        actor.role,
        actor.agencyCode,
        action,
        target,
        before === undefined || before === null ? null : JSON.stringify(before),
        after === undefined || after === null ? null : JSON.stringify(after),
        actor.requestId,
      ],
    );
  }

  /** Appends several entries by one `actor` in one statement, in order (a publication's items). */
  async recordActions(
    manager: EntityManager,
    actor: AuditActor,
    entries: { action: string; target: string; before: unknown; after: unknown }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
    await manager.query(
      `INSERT INTO audit_log (username, role, agency_code, action, target, before, after, request_id)
       SELECT $1, $2, $3, e.action, e.target, e.before, e.after, $4
         FROM unnest($5::text[], $6::text[], $7::jsonb[], $8::jsonb[]) WITH ORDINALITY AS e (action, target, before, after, n)
        ORDER BY e.n`,
      [
        actor.username,
        actor.role,
        actor.agencyCode,
        actor.requestId,
        entries.map((entry) => entry.action),
        entries.map((entry) => entry.target),
        entries.map((entry) => json(entry.before)),
        entries.map((entry) => json(entry.after)),
      ],
    );
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
