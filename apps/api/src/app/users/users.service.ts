import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UserDto } from '@scorecard/contracts';
import {
  AuditLogRepository,
  TransactionRunner,
  type UserEntity,
  UserRepository,
} from '@scorecard/server-database';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { ConflictError, NotFoundError, OutOfScopeError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { CredentialsService } from './credentials.service';
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
  ) {}

  async list(caller: AuthenticatedUser, agencyCode?: string): Promise<UserDto[]> {
    const root = agencyCode ?? caller.agencyCode;
    await this.policy.assert(caller, 'user.manage', root);
    const users = await this.users.findInAgencies(await this.agencies.subtree(root));
    return users.map(toUserDto);
  }

  async create(caller: AuthenticatedUser, body: CreateUserDto): Promise<UserDto> {
    await this.policy.assert(caller, 'user.manage', body.agencyCode);
    this.assertMayAssign(caller, body.role);
    const passwordHash = await this.credentials.hashNewPassword(body.password, body.username);
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
      });
      await this.audit.recordAction(
        manager,
        caller,
        'user.create',
        `user/${created.username}`,
        null,
        toUserDto(created),
      );
      return toUserDto(created);
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
      const before = toUserDto(user);
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
        toUserDto(saved),
      );
      return toUserDto(saved);
    });
  }

  /** Sets a new password, ends the user's sessions and lifts a lock-out. */
  async resetPassword(
    caller: AuthenticatedUser,
    username: string,
    body: ResetPasswordDto,
  ): Promise<void> {
    const passwordHash = await this.credentials.hashNewPassword(body.password, username);
    await this.transactions.run(async (manager) => {
      const user = await this.findManageable(manager, caller, username);
      const before = { passwordChangedAt: user.passwordChangedAt.toISOString() };
      user.passwordHash = passwordHash;
      user.passwordChangedAt = new Date();
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
        },
      );
    });
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

function toUserDto(user: UserEntity): UserDto {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    agencyCode: user.agencyCode,
    post: user.post,
    disabled: user.disabled,
  };
}
