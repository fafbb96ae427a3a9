import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@scorecard/access';

export const AUTHORIZE = 'authorize';

export interface AuthorizeRule {
  permission: Permission;
  /** Route parameter naming the target agency; without it the caller's role alone decides. */
  agencyParam?: string;
}

/** Declares what a route needs; {@link AccessGuard} enforces it through the {@link AccessPolicy}. */
export const Authorize = (permission: Permission, options: { agencyParam?: string } = {}) =>
  SetMetadata(AUTHORIZE, { permission, ...options } satisfies AuthorizeRule);
