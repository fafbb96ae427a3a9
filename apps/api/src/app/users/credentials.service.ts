import { Injectable } from '@nestjs/common';
import { hash } from 'bcrypt';
import type { EntityManager } from 'typeorm';
import { passwordProblem } from '@scorecard/access';
import { LoginFailureRepository, SessionRepository } from '@scorecard/server-database';
import { InvalidInputError } from '../common/api.errors';

const BCRYPT_COST = 12;

/** A lifted lock-out as the audit log records it. */
export interface LiftedLockOut {
  failures: number;
  lockedUntil: string | null;
}

/**
 * What user administration may do to someone's credentials: set a password under the password
 * rules, end their sessions, lift a lock-out. Logging in is the auth module's.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly failures: LoginFailureRepository,
  ) {}

  /** The hash of a new password, once it passes the password rules (400 otherwise). */
  async hashNewPassword(password: string, username: string): Promise<string> {
    const problem = passwordProblem(password, username);
    if (problem) throw new InvalidInputError([{ field: 'password', key: problem }]);
    return hash(password, BCRYPT_COST);
  }

  /** Every token of every session of the user stops working at once. */
  endSessions(manager: EntityManager, userId: number): Promise<void> {
    return this.sessions.revokeAllOfUser(manager, userId);
  }

  /** Clears the user's failed logins; answers the lock-out it lifted, if there was one. */
  async liftLockOut(manager: EntityManager, username: string): Promise<LiftedLockOut | null> {
    const state = await this.failures.find(username, manager);
    await this.failures.clear(manager, username);
    return state
      ? { failures: state.failures, lockedUntil: state.lockedUntil?.toISOString() ?? null }
      : null;
  }
}
