import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { PeriodNotFoundError } from '@scorecard/server-months';
import {
  AuthenticationError,
  ConflictError,
  type FieldError,
  LockedOutError,
  InvalidInputError,
  NotFoundError,
  OutOfScopeError,
  PeriodNotOpenError,
  ServiceUnavailableError,
  StaleVersionError,
} from './api.errors';
import { asServiceUnavailable } from './database-unavailable';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: FieldError[];
  currentVersion?: number | null;
  lockedUntil?: string;
  messageKey?: string;
}

/** One error shape for every failure; never a stack trace to the client. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(asServiceUnavailable(exception));
    if (body.statusCode === 503) this.logger.warn(`Service unavailable: ${String(exception)}`);
    else if (body.statusCode >= 500) this.logger.error(exception);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const body = (statusCode: number, message: string, extra: Partial<ErrorBody> = {}): ErrorBody => ({
      statusCode,
      error: HttpStatus[statusCode]?.toString() ?? 'Error',
      message,
      ...extra,
    });
    if (exception instanceof InvalidInputError) {
      return body(400, 'Invalid input', { errors: exception.errors });
    }
    if (exception instanceof AuthenticationError) return body(401, exception.message);
    if (exception instanceof OutOfScopeError) {
      return body(403, exception.message, exception.messageKey ? { messageKey: exception.messageKey } : {});
    }
    if (exception instanceof NotFoundError || exception instanceof PeriodNotFoundError) {
      return body(404, exception.message);
    }
    if (exception instanceof StaleVersionError) {
      return body(409, exception.message, { currentVersion: exception.currentVersion });
    }
    if (exception instanceof PeriodNotOpenError) return body(423, exception.message);
    if (exception instanceof LockedOutError) return body(429, exception.message, { lockedUntil: exception.until.toISOString() });
    if (exception instanceof ConflictError) return body(409, exception.message);
    if (exception instanceof ServiceUnavailableError) return body(503, exception.message);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && Array.isArray((response as { message?: unknown }).message)) {
        // class-validator messages from the global ValidationPipe.
        const messages = (response as { message: string[] }).message;
        return body(status, 'Invalid input', {
          errors: messages.map((message) => ({ field: fieldOf(message), message })),
        });
      }
      return body(status, exception.message);
    }
    return body(500, 'Internal server error');
  }
}

/** class-validator messages start with the property path ("version must be …"). */
function fieldOf(message: string): string {
  const match = /^property (\S+) should not exist/.exec(message);
  if (match) return match[1];
  return message.split(' ')[0] ?? '';
}
