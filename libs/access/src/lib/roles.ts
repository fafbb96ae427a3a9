/** Every role, highest first; each user holds one, bound to one agency. */
export const ROLES = ['national_admin', 'province_admin', 'city_admin', 'agency_head', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Who is asking: a role at an agency. */
export interface Caller {
  role: Role;
  agencyCode: string;
}

/** Roles a caller may hand out: never one above its own, and only administrators hand out any. */
export function mayAssignRole(caller: Pick<Caller, 'role'>, role: Role): boolean {
  if (caller.role === 'agency_head' || caller.role === 'staff') return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(caller.role);
}
