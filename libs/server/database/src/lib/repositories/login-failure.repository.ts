import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface LoginFailureState {
  failures: number;
  lockedUntil: Date | null;
}

/** Where a login attempt came from: the username tried and the client's address. */
export interface LoginAttempt {
  username: string;
  clientAddress: string;
}

/**
 * Consecutive failed logins per username and client address, for the lock-out: guesses from one
 * address lock that address out, never the account's owner elsewhere.
 */
@Injectable()
export class LoginFailureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The failures of one username from one address. */
  async findAttempt(attempt: LoginAttempt): Promise<LoginFailureState | null> {
    const rows: { failures: number; locked_until: Date | null }[] = await this.dataSource.query(
      'SELECT failures, locked_until FROM login_failure WHERE username = $1 AND client_address = $2',
      [attempt.username, attempt.clientAddress],
    );
    return rows[0] ? { failures: rows[0].failures, lockedUntil: rows[0].locked_until } : null;
  }

  /** The worst state of a username across addresses: most failures, the latest lock. */
  async find(
    username: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LoginFailureState | null> {
    const rows: { failures: number | null; locked_until: Date | null }[] = await manager.query(
      'SELECT max(failures) AS failures, max(locked_until) AS locked_until FROM login_failure WHERE username = $1',
      [username],
    );
    return rows[0]?.failures != null
      ? { failures: rows[0].failures, lockedUntil: rows[0].locked_until }
      : null;
  }

  /** Of `usernames`, those locked out from at least one address right now. */
  async lockedAmong(usernames: string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const rows: { username: string }[] = await this.dataSource.query(
      'SELECT DISTINCT username FROM login_failure WHERE username = ANY($1) AND locked_until > now()',
      [usernames],
    );
    return new Set(rows.map((row) => row.username));
  }

  /** Counts one more failure; from `threshold` on, the username is locked for `lockSeconds` at that address. */
  async recordFailure(
    manager: EntityManager,
    attempt: LoginAttempt,
    threshold: number,
    lockSeconds: number,
  ): Promise<LoginFailureState> {
    const rows: { failures: number; locked_until: Date | null }[] = await manager.query(
      `INSERT INTO login_failure AS f (username, client_address, failures, last_failed_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (username, client_address) DO UPDATE SET
         -- A lock that has run out starts the count afresh.
         failures = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= now() THEN 1 ELSE f.failures + 1 END,
         locked_until = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= now() THEN NULL ELSE f.locked_until END,
         last_failed_at = now()
       RETURNING failures, locked_until`,
      [attempt.username, attempt.clientAddress],
    );
    const failures = rows[0].failures;
    let lockedUntil = rows[0].locked_until;
    if (failures >= threshold && !lockedUntil) {
      const locked: { locked_until: Date }[] = await manager.query(
        // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
        `WITH locked AS (
           UPDATE login_failure SET locked_until = now() + make_interval(secs => $3)
            WHERE username = $1 AND client_address = $2
            RETURNING locked_until
         )
         SELECT locked_until FROM locked`,
        [attempt.username, attempt.clientAddress, lockSeconds],
      );
      lockedUntil = locked[0]?.locked_until ?? null;
    }
    return { failures, lockedUntil };
  }

  /** A successful login restarts the count at its address. */
  async clearAttempt(manager: EntityManager, attempt: LoginAttempt): Promise<void> {
    await manager.query('DELETE FROM login_failure WHERE username = $1 AND client_address = $2', [
      attempt.username,
      attempt.clientAddress,
    ]);
  }

  /** An administrator's unlock lifts the username's lock everywhere. */
  async clear(manager: EntityManager, username: string): Promise<void> {
    await manager.query('DELETE FROM login_failure WHERE username = $1', [username]);
  }
}
