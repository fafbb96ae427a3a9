import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreatedUserDto, UserDto } from '@scorecard/contracts';
import {
  AuditLogRepository,
  LoginFailureRepository,
  TransactionRunner,
  type UserEntity,
  UserRepository,
} from '@scorecard/server-database';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { ConflictError, NotFoundError, OutOfScopeError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { CredentialsService } from './credentials.service';
import { generateInitialPassword } from './initial-password';
import type { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './user.dto';

/** User administration: province admins for the province, city admins for their city. */
@Injectable()
export class UsersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly users: UserRepository,
    private readonly credentials: CredentialsService,
    private readonly audit: AuditLogRepository,
    private readonly agencies: AgencyDirectory,
    private readonly policy: AccessPolicy,
    private readonly failures: LoginFailureRepository,
  ) {}

  async list(caller: AuthenticatedUser, agencyCode?: string): Promise<UserDto[]> {
    const root = agencyCode ?? caller.agencyCode;
    await this.policy.assert(caller, 'user.manage', root);
    const users = await this.users.findInAgencies(await this.agencies.subtree(root));
    const locked = await this.failures.lockedAmong(users.map((user) => user.username));
    return users.map((user) => toUserDto(user, locked.has(user.username)));
  }

  async create(caller: AuthenticatedUser, body: CreateUserDto): Promise<CreatedUserDto> {
    await this.policy.assert(caller, 'user.manage', body.agencyCode);
    this.assertMayAssign(caller, body.role);
    const generated = body.password === undefined ? generateInitialPassword(body.username) : null;
    const passwordHash = await this.credentials.hashNewPassword(
      generated ?? body.password ?? '',
      body.username,
    );
    return this.transactions.run(async (manager) => {
      if (await this.users.findByUsername(body.username, manager)) {
        throw new ConflictError('user.taken', { username: body.username });
      }
      const created = await this.users.insert(manager, {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        agencyCode: body.agencyCode,
        post: body.post ?? null,
        passwordHash,
        // The administrator knows this password: its owner must replace it at first login.
        mustChangePassword: true,
      });
      await this.audit.recordAction(
        manager,
        caller,
        'user.create',
        `user/${created.username}`,
        null,
        auditedUser(created),
      );
      const answer: CreatedUserDto = toUserDto(created, false);
      return generated === null ? answer : { ...answer, initialPassword: generated };
    });
  }

  async update(caller: AuthenticatedUser, username: string, body: UpdateUserDto): Promise<UserDto> {
    return this.transactions.run(async (manager) => {
      const user = await this.findManageable(manager, caller, username);
      if (body.role !== undefined) this.assertMayAssign(caller, body.role);
      if (
        user.username === caller.username &&
        (body.disabled === true || (body.role && body.role !== user.role))
      ) {
        throw new OutOfScopeError('user.cannotChangeSelf');
      }
      const before = auditedUser(user);
      Object.assign(user, {
        displayName: body.displayName ?? user.displayName,
        role: body.role ?? user.role,
        disabled: body.disabled ?? user.disabled,
        post: body.post ?? user.post,
      });
      const saved = await this.users.save(manager, user);
      if (saved.disabled || before.role !== saved.role)
        await this.credentials.endSessions(manager, saved.id);
      await this.audit.recordAction(
        manager,
        caller,
        'user.update',
        `user/${username}`,
        before,
        auditedUser(saved),
      );
      const locked = await this.failures.lockedAmong([saved.username]);
      return toUserDto(saved, locked.has(saved.username));
    });
  }

  /**
   * Sets a new password (the one given, or a generated one, answered once), ends the user's
   * sessions and lifts a lock-out; the owner must change it at the next login.
   */
  async resetPassword(
    caller: AuthenticatedUser,
    username: string,
    body: ResetPasswordDto,
  ): Promise<{ initialPassword: string } | null> {
    const generated = body.password === undefined ? generateInitialPassword(username) : null;
    const passwordHash = await this.credentials.hashNewPassword(
      generated ?? body.password ?? '',
      username,
    );
    await this.transactions.run(async (manager) => {
      const user = await this.findManageable(manager, caller, username);
      const before = { passwordChangedAt: user.passwordChangedAt.toISOString() };
      user.passwordHash = passwordHash;
      user.passwordChangedAt = new Date();
      user.mustChangePassword = true;
      await this.users.save(manager, user);
      await this.credentials.endSessions(manager, user.id);
      await this.credentials.liftLockOut(manager, username);
      await this.audit.recordAction(
        manager,
        caller,
        'user.reset_password',
        `user/${username}`,
        before,
        {
          passwordChangedAt: user.passwordChangedAt.toISOString(),
          mustChangePassword: true,
        },
      );
    });
    return generated === null ? null : { initialPassword: generated };
  }

  /** Lifts a lock-out after too many failed logins. */
  async unlock(caller: AuthenticatedUser, username: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.findManageable(manager, caller, username);
      const lifted = await this.credentials.liftLockOut(manager, username);
      await this.audit.recordAction(manager, caller, 'user.unlock', `user/${username}`, lifted, {
        failures: 0,
        lockedUntil: null,
      });
    });
  }

  private async findManageable(
    manager: EntityManager,
    caller: AuthenticatedUser,
    username: string,
  ): Promise<UserEntity> {
    const user = await this.users.findByUsernameForUpdate(manager, username);
    if (!user) throw new NotFoundError('user.notFound', { username });
    await this.policy.assert(caller, 'user.manage', user.agencyCode);
    return user;
  }

  private assertMayAssign(caller: AuthenticatedUser, role: UserDto['role']): void {
    if (!this.policy.mayAssignRole(caller, role))
      throw new OutOfScopeError('user.cannotAssignRole', { role });
  }
}

/** A user's stored fields as the audit log records them. */
export function auditedUser(user: UserEntity): Omit<UserDto, 'locked'> {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    agencyCode: user.agencyCode,
    post: user.post,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
  };
}

function toUserDto(user: UserEntity, locked: boolean): UserDto {
  return { ...auditedUser(user), locked };
}
