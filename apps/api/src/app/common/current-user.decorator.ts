import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '@scorecard/contracts';

/** What a verified access token and its live session say about the caller. */
export interface AuthenticatedUser {
  username: string;
  role: Role;
  agencyCode: string;
  sessionId: string;
  /** Correlates the audit entry of a write with the request log. */
  requestId: string | null;
  /** An administrator set the password: until the owner changes it, only a few calls are open. */
  mustChangePassword?: boolean;
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
