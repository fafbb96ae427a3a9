import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { compare, hash } from 'bcrypt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { passwordProblem } from '@scorecard/access';
import type { LoginResponse, Role, SessionUserDto } from '@scorecard/contracts';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import {
  AuditLogRepository,
  LoginFailureRepository,
  SessionRepository,
  TransactionRunner,
  type UserEntity,
  UserRepository,
} from '@scorecard/server-database';
import { AuthenticationError, InvalidInputError, LockedOutError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { VerifiedTokens } from './verified-tokens';
import { ActiveSessionCache } from './active-session.cache';

/** Consecutive failures that lock a username, and for how long. */
export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_SECONDS = 15 * 60;
const BCRYPT_COST = 12;

interface TokenClaims {
  sub: string;
  role: Role;
  agency: string;
  sid: string;
  /** Set by the token library when signing (seconds since the epoch). */
  exp?: number;
}

/**
 * Password login with sessions: a short-lived access token (JWT naming its session) and a
 * rotating refresh token stored only as a hash. Logout, a disabled account or a password reset
 * revokes the session, and every access token naming it stops working at once.
 */
@Injectable()
export class AuthService {
  private readonly verifiedTokens = new VerifiedTokens<TokenClaims>();

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly activeSessions: ActiveSessionCache,
    private readonly failures: LoginFailureRepository,
    private readonly audit: AuditLogRepository,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(
    username: string,
    password: string,
    client: { address: string; requestId: string | null },
  ): Promise<LoginResponse> {
    const { requestId } = client;
    const attempt = { username, clientAddress: client.address };
    // A username locked at this address is refused before its password is even looked at.
    const state = await this.failures.findAttempt(attempt);
    if (state?.lockedUntil && state.lockedUntil > new Date())
      throw new LockedOutError(state.lockedUntil);

    const user = await this.users.findByUsername(username);
    // Compare even for unknown users so timing does not reveal which usernames exist.
    const matches = await compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !matches || user.disabled) {
      const failure = await this.transactions.run(async (manager) => {
        const recorded = await this.failures.recordFailure(
          manager,
          attempt,
          LOCKOUT_THRESHOLD,
          LOCKOUT_SECONDS,
        );
        await this.audit.recordAction(
          manager,
          { username, role: user?.role ?? null, agencyCode: user?.agencyCode ?? null, requestId },
          'auth.login_failed',
          `user/${username}`,
          null,
          { failures: recorded.failures, lockedUntil: recorded.lockedUntil },
        );
        return recorded;
      });
      if (failure.lockedUntil) throw new LockedOutError(failure.lockedUntil);
      throw new AuthenticationError();
    }

    const sessionId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.transactions.run(async (manager) => {
      await this.failures.clearAttempt(manager, attempt);
      await this.sessions.create(manager, {
        id: sessionId,
        userId: user.id,
        refreshTokenHash: hashSecret(secret),
        expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      });
      await this.audit.recordAction(
        manager,
        { username, role: user.role, agencyCode: user.agencyCode, requestId },
        'auth.login',
        `session/${sessionId}`,
        null,
        { sessionId },
      );
    });
    return {
      accessToken: await this.signAccessToken({
        sub: user.username,
        role: user.role,
        agency: user.agencyCode,
        sid: sessionId,
      }),
      refreshToken: `${sessionId}.${secret}`,
      expiresIn: this.config.jwtExpiresInSeconds,
      user: sessionUserOf(user),
    };
  }

  /** Trades a refresh token for a new access token and a new refresh token (the old one dies). */
  async refresh(refreshToken: string, requestId: string | null): Promise<LoginResponse> {
    const [sessionId, secret] = refreshToken.split('.');
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId))
      throw new AuthenticationError('auth.invalidRefreshToken');
    const nextSecret = randomBytes(32).toString('base64url');
    const user = await this.transactions.run(async (manager) => {
      // Locked, so that two refreshes with one token cannot both see it unspent.
      const session = await this.sessions.findByIdForUpdate(manager, sessionId);
      if (!session || session.revokedAt || session.expiresAt <= new Date()) return null;
      const found = await this.users.findById(manager, session.userId);
      if (!safeEqual(session.refreshTokenHash, hashSecret(secret))) {
        // A spent token for a live session: it was copied, so neither copy may go on.
        await this.sessions.revoke(manager, sessionId);
        await this.audit.recordAction(
          manager,
          {
            username: found?.username ?? 'unknown',
            role: found?.role ?? null,
            agencyCode: found?.agencyCode ?? null,
            requestId,
          },
          'auth.refresh_reused',
          `session/${sessionId}`,
          { sessionId },
          null,
        );
        return null;
      }
      if (!found || found.disabled) return null;
      await this.sessions.rotate(manager, sessionId, hashSecret(nextSecret));
      await this.audit.recordAction(
        manager,
        { username: found.username, role: found.role, agencyCode: found.agencyCode, requestId },
        'auth.refresh',
        `session/${sessionId}`,
        null,
        { sessionId },
      );
      return found;
    });
    if (!user) throw new AuthenticationError('auth.sessionEnded');
    return {
      accessToken: await this.signAccessToken({
        sub: user.username,
        role: user.role,
        agency: user.agencyCode,
        sid: sessionId,
      }),
      refreshToken: `${sessionId}.${nextSecret}`,
      expiresIn: this.config.jwtExpiresInSeconds,
      user: sessionUserOf(user),
    };
  }

  async logout(caller: AuthenticatedUser): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.sessions.revoke(manager, caller.sessionId);
      await this.audit.recordAction(
        manager,
        caller,
        'auth.logout',
        `session/${caller.sessionId}`,
        { sessionId: caller.sessionId },
        null,
      );
    });
  }

  /**
   * The owner sets a new password (the initial one an administrator chose, or any later change):
   * the current one must match, the new one pass the password rules and differ from it. Every
   * other session of the user ends; this one goes on, no longer bound to change the password.
   */
  async changePassword(
    caller: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const problem = passwordProblem(newPassword, caller.username);
    if (problem) throw new InvalidInputError([{ field: 'newPassword', key: problem }]);
    if (newPassword === currentPassword) {
      throw new InvalidInputError([{ field: 'newPassword', key: 'password.sameAsCurrent' }]);
    }
    const user = await this.users.findByUsername(caller.username);
    if (!user || !(await compare(currentPassword, user.passwordHash))) {
      throw new InvalidInputError([{ field: 'currentPassword', key: 'password.notCurrent' }]);
    }
    const passwordHash = await hash(newPassword, BCRYPT_COST);
    await this.transactions.run(async (manager) => {
      const locked = await this.users.findByUsernameForUpdate(manager, caller.username);
      if (!locked || locked.passwordHash !== user.passwordHash) {
        // Changed meanwhile (another tab, an administrator): the current password checked is stale.
        throw new InvalidInputError([{ field: 'currentPassword', key: 'password.notCurrent' }]);
      }
      const before = {
        passwordChangedAt: locked.passwordChangedAt.toISOString(),
        mustChangePassword: locked.mustChangePassword,
      };
      locked.passwordHash = passwordHash;
      locked.passwordChangedAt = new Date();
      locked.mustChangePassword = false;
      await this.users.save(manager, locked);
      await this.sessions.revokeOthersOfUser(manager, locked.id, caller.sessionId);
      await this.audit.recordAction(
        manager,
        caller,
        'auth.password_change',
        `user/${caller.username}`,
        before,
        { passwordChangedAt: locked.passwordChangedAt.toISOString(), mustChangePassword: false },
      );
    });
  }

  /** Verifies the token and that its session is still live (not logged out, user not disabled). */
  async verify(token: string, requestId: string | null): Promise<AuthenticatedUser> {
    const claims = await this.verifiedTokens.claimsOf(token, (unchecked) => this.jwt.verifyAsync<TokenClaims>(unchecked));
    const session = claims.sid ? await this.activeSessions.findActive(claims.sid) : null;
    if (!session || session.username !== claims.sub)
      throw new AuthenticationError('auth.sessionEnded');
    return {
      username: session.username,
      role: session.role,
      agencyCode: session.agencyCode,
      sessionId: claims.sid,
      requestId,
      mustChangePassword: session.mustChangePassword,
    };
  }

  private signAccessToken(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync(claims, { expiresIn: this.config.jwtExpiresInSeconds });
  }
}

function sessionUserOf(user: UserEntity): SessionUserDto {
  return {
    username: user.username,
    role: user.role,
    agencyCode: user.agencyCode,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
  };
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** bcrypt hash of a random string nobody knows. */
const UNKNOWN_USER_HASH = '$2b$10$B3RkOPfYyt/wo6MrMXKqDenx6pXLtUEFopG/PSPYuunUWdiDu48Iu';
