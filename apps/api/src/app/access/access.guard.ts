import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { AccessPolicy } from './access-policy';
import { AUTHORIZE, type AuthorizeRule } from './authorize.decorator';

/** Runs after authentication; enforces the route's {@link Authorize} rule, if any. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: AccessPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AuthorizeRule | undefined>(AUTHORIZE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) return true;
    const request = context.switchToHttp().getRequest<{ user: AuthenticatedUser; params: Record<string, string> }>();
    const agencyCode = rule.agencyParam ? request.params[rule.agencyParam] : undefined;
    // A malformed code is left to the route's validation pipe, which answers 400.
    if (agencyCode !== undefined && /^[0-9]{6}$/.test(agencyCode)) {
      await this.policy.assert(request.user, rule.permission, agencyCode);
    } else {
      await this.policy.assertRole(request.user, rule.permission);
    }
    return true;
  }
}
