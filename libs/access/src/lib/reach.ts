import { type AgencyTree, isWithin, subtreeOf } from '@scorecard/scoring';
import { type Permission, REACH } from './permissions';
import { type Caller, ROLES, type Role } from './roles';

/** Whether the caller's role reaches any agency at all for the permission (menus, buttons). */
export function hasPermission(caller: Pick<Caller, 'role'>, permission: Permission): boolean {
  return REACH[permission][caller.role] !== 'none';
}

/** The roles that reach something for the permission, highest first. */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => REACH[permission][role] !== 'none');
}

/** Whether the caller may act on `agencyCode` for the permission. Unknown agencies are never reached. */
export function reaches(caller: Caller, permission: Permission, agencyCode: string, tree: AgencyTree): boolean {
  if (!tree.byCode.has(agencyCode)) return false;
  switch (REACH[permission][caller.role]) {
    case 'none':
      return false;
    case 'own':
      return agencyCode === caller.agencyCode;
    case 'descendants':
      return agencyCode !== caller.agencyCode && isWithin(tree, agencyCode, caller.agencyCode);
    case 'subtree':
      return isWithin(tree, agencyCode, caller.agencyCode);
  }
}

/**
 * Every agency the caller reaches for the permission, depth-first from its own agency with
 * children in code order (the order pickers show).
 */
export function agenciesReachable(tree: AgencyTree, caller: Caller, permission: Permission): string[] {
  switch (REACH[permission][caller.role]) {
    case 'none':
      return [];
    case 'own':
      return tree.byCode.has(caller.agencyCode) ? [caller.agencyCode] : [];
    case 'descendants':
      return subtreeOf(tree, caller.agencyCode).slice(1);
    case 'subtree':
      return subtreeOf(tree, caller.agencyCode);
  }
}
