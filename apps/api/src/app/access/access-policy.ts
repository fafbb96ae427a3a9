import { Injectable } from '@nestjs/common';
import type { Role } from '@scorecard/contracts';
import { AgencyDirectory } from '../common/agency-directory.service';
import { NotFoundError, OutOfScopeError } from '../common/api.errors';

/** Everything a caller may try, checked in one place. */
export type Permission =
  | 'submission.read'
  | 'submission.write'
  | 'submission.review'
  | 'period.manage'
  | 'results.read_draft'
  | 'user.manage'
  | 'audit.read'
  | 'star.read'
  | 'star.manage'
  | 'star.vote'
  | 'star.object'
  | 'star.participation'
  | 'star.configure';

/** Which agencies a role reaches for a permission, relative to the caller's own agency. */
type Reach = 'subtree' | 'descendants' | 'own' | 'none';

const RULES: Record<Permission, Record<Role, Reach>> = {
  'submission.read': { province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'own' },
  'submission.write': { province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'none' },
  // A city reviews its counties, not itself; the province reviews everyone.
  'submission.review': { province_admin: 'subtree', city_admin: 'descendants', agency_head: 'none', staff: 'none' },
  'period.manage': { province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  'results.read_draft': { province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  'user.manage': { province_admin: 'subtree', city_admin: 'subtree', agency_head: 'none', staff: 'none' },
  'audit.read': { province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  // Service star (一月一星): each agency runs its own selection; only its staff vote and object.
  'star.read': { province_admin: 'subtree', city_admin: 'subtree', agency_head: 'own', staff: 'own' },
  'star.manage': { province_admin: 'own', city_admin: 'own', agency_head: 'own', staff: 'none' },
  'star.vote': { province_admin: 'none', city_admin: 'none', agency_head: 'none', staff: 'own' },
  'star.object': { province_admin: 'none', city_admin: 'none', agency_head: 'none', staff: 'own' },
  'star.participation': { province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
  'star.configure': { province_admin: 'subtree', city_admin: 'none', agency_head: 'none', staff: 'none' },
};

const DENIALS: Record<Permission, string> = {
  'submission.read': 'You may read the figures of your own agency only',
  'submission.write': 'You may submit figures only for agencies in your scope',
  'submission.review': 'You may review only the submissions of the agencies below yours',
  'period.manage': 'Only the province manages months',
  'results.read_draft': 'Results of this month are not published yet',
  'user.manage': 'You may manage users only in your scope',
  'audit.read': 'Only the province reads the audit log',
  'star.read': 'You may see the star selection of agencies in your scope only',
  'star.manage': 'Only the head of this agency runs its star selection',
  'star.vote': 'Only staff of this agency vote for its star',
  'star.object': 'Only staff of this agency may object to its star',
  'star.participation': 'Only the province sees which agencies named a star',
  'star.configure': 'Only the province sets the star rules',
};

export interface Caller {
  role: Role;
  agencyCode: string;
}

/**
 * The authorisation policy: a role reaches nothing, its own agency, or its agency's subtree,
 * per permission. Guards and services ask here; no handler decides on its own.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly agencies: AgencyDirectory) {}

  async allows(caller: Caller, permission: Permission, agencyCode: string): Promise<boolean> {
    const reach = RULES[permission][caller.role];
    if (reach === 'none') return false;
    if (reach === 'own') return agencyCode === caller.agencyCode;
    if (reach === 'descendants' && agencyCode === caller.agencyCode) return false;
    return this.agencies.isWithin(agencyCode, caller.agencyCode);
  }

  /** Throws 404 for an unknown agency and 403 when the caller may not act on it. */
  async assert(caller: Caller, permission: Permission, agencyCode: string): Promise<void> {
    if (!(await this.agencies.find(agencyCode))) throw new NotFoundError(`Agency ${agencyCode} does not exist`);
    if (!(await this.allows(caller, permission, agencyCode))) throw new OutOfScopeError(DENIALS[permission]);
  }

  allowsRole(caller: Caller, permission: Permission): boolean {
    return RULES[permission][caller.role] !== 'none';
  }

  /** For permissions not tied to one agency (the caller's own agency is the target). */
  async assertRole(caller: Caller, permission: Permission): Promise<void> {
    if (RULES[permission][caller.role] === 'none') throw new OutOfScopeError(DENIALS[permission]);
  }

  /** Roles a caller may hand out: never above its own. */
  mayAssignRole(caller: Caller, role: Role): boolean {
    if (caller.role === 'province_admin') return true;
    if (caller.role === 'city_admin') return role !== 'province_admin';
    return false;
  }
}
