import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface LoginFailureState {
  failures: number;
  lockedUntil: Date | null;
}

/** Consecutive failed logins per username, for the lock-out. */
@Injectable()
export class LoginFailureRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(username: string, manager: EntityManager = this.dataSource.manager): Promise<LoginFailureState | null> {
    const rows: { failures: number; locked_until: Date | null }[] = await manager.query(
      'SELECT failures, locked_until FROM login_failure WHERE username = $1',
      [username],
    );
    return rows[0] ? { failures: rows[0].failures, lockedUntil: rows[0].locked_until } : null;
  }

  /** Counts one more failure; from `threshold` on, the username is locked for `lockSeconds`. */
  async recordFailure(
    manager: EntityManager,
    username: string,
    threshold: number,
    lockSeconds: number,
  ): Promise<LoginFailureState> {
    const rows: { failures: number; locked_until: Date | null }[] = await manager.query(
      `INSERT INTO login_failure AS f (username, failures, last_failed_at) VALUES ($1, 1, now())
       ON CONFLICT (username) DO UPDATE SET
         -- A lock that has run out starts the count afresh.
         failures = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= now() THEN 1 ELSE f.failures + 1 END,
         locked_until = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= now() THEN NULL ELSE f.locked_until END,
         last_failed_at = now()
       RETURNING failures, locked_until`,
      [username],
    );
    const failures = rows[0].failures;
    let lockedUntil = rows[0].locked_until;
    if (failures >= threshold && !lockedUntil) {
      const locked: { locked_until: Date }[] = await manager.query(
        `WITH locked AS (
           UPDATE login_failure SET locked_until = now() + make_interval(secs => $2) WHERE username = $1
           RETURNING locked_until
         )
         SELECT locked_until FROM locked`,
        [username, lockSeconds],
      );
      lockedUntil = locked[0]?.locked_until ?? null;
    }
    return { failures, lockedUntil };
  }

  async clear(manager: EntityManager, username: string): Promise<void> {
    await manager.query('DELETE FROM login_failure WHERE username = $1', [username]);
  }
}
