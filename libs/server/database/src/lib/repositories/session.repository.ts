import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@scorecard/contracts';
import { UserSessionEntity } from '../entities';

export interface ActiveSession {
  sessionId: string;
  userId: number;
  expiresAt: Date;
  username: string;
  role: Role;
  agencyCode: string;
  /** The user must set their own password before anything else. */
  mustChangePassword: boolean;
}

interface SessionRow {
  user_id: number;
  expires_at: Date;
  username: string;
  role: Role;
  agency_code: string;
  must_change_password: boolean;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(manager: EntityManager, session: Omit<UserSessionEntity, 'createdAt' | 'revokedAt'>): Promise<void> {
    await manager.getRepository(UserSessionEntity).insert(session);
  }

  /** The session, locked until the transaction ends. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<UserSessionEntity | null> {
    return manager.getRepository(UserSessionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The session if it is neither revoked nor expired and its user is enabled: one indexed lookup. */
  async findActive(sessionId: string): Promise<ActiveSession | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT s.user_id, s.expires_at, u.username, u.role, u.agency_code, u.must_change_password
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      [sessionId],
    );
    const row = rows[0];
    return row
      ? {
          sessionId,
          userId: row.user_id,
          expiresAt: row.expires_at,
          username: row.username,
          role: row.role,
          agencyCode: row.agency_code,
          mustChangePassword: row.must_change_password,
        }
      : null;
  }

  async rotate(manager: EntityManager, id: string, refreshTokenHash: string): Promise<void> {
    await manager.getRepository(UserSessionEntity).update({ id }, { refreshTokenHash });
  }

  async revoke(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  }

  /** Ends every session of the user but one (the caller's own, which goes on). */
  async revokeOthersOfUser(manager: EntityManager, userId: number, keepSessionId: string): Promise<void> {
    await manager.query(
      'UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL',
      [userId, keepSessionId],
    );
  }

  async revokeAllOfUser(manager: EntityManager, userId: number): Promise<void> {
    await manager.query('UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }
}
