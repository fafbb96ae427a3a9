import { Injectable } from '@nestjs/common';
import {
  type Caller,
  hasPermission,
  mayAssignRole,
  type Permission,
  reaches,
  type Role,
} from '@scorecard/access';
import { AgencyDirectory } from '../common/agency-directory.service';
import { NotFoundError, OutOfScopeError } from '../common/api.errors';

export type { Caller, Permission } from '@scorecard/access';

/**
 * The access rules of `@scorecard/access` applied to the agency tree in memory. Guards and
 * services ask here; no handler decides on its own.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly agencies: AgencyDirectory) {}

  async allows(caller: Caller, permission: Permission, agencyCode: string): Promise<boolean> {
    return reaches(caller, permission, agencyCode, await this.agencies.tree());
  }

  /** Throws 404 for an unknown agency and 403 when the caller may not act on it. */
  async assert(caller: Caller, permission: Permission, agencyCode: string): Promise<void> {
    if (!(await this.agencies.find(agencyCode))) throw new NotFoundError('agency.notFound', { code: agencyCode });
    if (!(await this.allows(caller, permission, agencyCode))) throw denial(permission);
  }

  allowsRole(caller: Caller, permission: Permission): boolean {
    return hasPermission(caller, permission);
  }

  /** For permissions not tied to one agency (the caller's own agency is the target). */
  async assertRole(caller: Caller, permission: Permission): Promise<void> {
    if (!hasPermission(caller, permission)) throw denial(permission);
  }

  /** Roles a caller may hand out: never above its own. */
  mayAssignRole(caller: Caller, role: Role): boolean {
    return mayAssignRole(caller, role);
  }
}

function denial(permission: Permission): OutOfScopeError {
  return OutOfScopeError.denied(permission);
}
