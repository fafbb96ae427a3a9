import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@scorecard/contracts';

/** What a verified access token says about its bearer. */
export interface AuthenticatedUser {
  username: string;
  role: Role;
  agencyCode: string;
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
