import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthenticationError, PasswordChangeRequiredError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { isDatabaseUnreachable } from '../common/database-unavailable';
import { IS_PUBLIC } from '../common/public.decorator';
import { AuthService } from './auth.service';
import { BEFORE_PASSWORD_CHANGE } from './before-password-change.decorator';

/**
 * Every route needs a valid bearer token of a live session unless marked {@link Public}; an account
 * that must change its initial password reaches only the routes marked {@link BeforePasswordChange}.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context
      .switchToHttp()
      .getRequest<Request & { user?: AuthenticatedUser; id?: unknown }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new AuthenticationError('auth.tokenRequired');
    let user: AuthenticatedUser;
    try {
      user = await this.auth.verify(token, request.id === undefined ? null : String(request.id));
    } catch (error) {
      // The session could not be checked: that is the database's failure, not the caller's (503, not 401).
      if (isDatabaseUnreachable(error)) throw error;
      throw new AuthenticationError('auth.tokenInvalid');
    }
    request.user = user;
    if (
      user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      throw new PasswordChangeRequiredError();
    }
    return true;
  }
}
