import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The id the request log gave this request (from X-Request-Id when the caller sent one). */
export const RequestId = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const id = context.switchToHttp().getRequest<{ id?: unknown }>().id;
  return id === undefined || id === null ? null : String(id);
});
