import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Language, languageOf } from '@scorecard/contracts';
import { PeriodNotFoundError } from '@scorecard/server-months';
import { QueueUnavailableError } from '@scorecard/server-queue';
import { type MessageKey, type MessageParams, translate } from './api-messages';
import {
  ApiError,
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
  TooLargeError,
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

/** One error shape for every failure, in the caller's language; never a stack trace to the client. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const language = languageOf(http.getRequest<Request>().headers['accept-language']);
    // The queue's own outage is told as such, not as the database's (its cause may be a refused socket).
    const body = toBody(
      exception instanceof QueueUnavailableError ? exception : asServiceUnavailable(exception),
      language,
    );
    if (body.statusCode === 503) this.logger.warn(`Service unavailable: ${String(exception)}`);
    else if (body.statusCode >= 500) this.logger.error(exception);
    response.status(body.statusCode).json(body);
  }
}

function toBody(exception: unknown, language: Language): ErrorBody {
  const body = (
    statusCode: number,
    message: string,
    extra: Partial<ErrorBody> = {},
  ): ErrorBody => ({
    statusCode,
    error: HttpStatus[statusCode]?.toString() ?? 'Error',
    message,
    ...extra,
  });
  const text = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  if (exception instanceof InvalidInputError) {
    return body(400, text('request.invalid'), { errors: exception.errorsIn(language) });
  }
  if (exception instanceof PeriodNotFoundError) {
    return body(404, text('period.notFound', { period: exception.period }));
  }
  if (exception instanceof QueueUnavailableError) return body(503, text('queue.unavailable'));
  const status = statusOf(exception);
  if (status !== null && exception instanceof ApiError) {
    const error = exception;
    const extra: Partial<ErrorBody> = {};
    if (error instanceof OutOfScopeError && error.messageKey) extra.messageKey = error.messageKey;
    if (error instanceof StaleVersionError) extra.currentVersion = error.currentVersion;
    if (error instanceof LockedOutError) extra.lockedUntil = error.until.toISOString();
    return body(status, error.textIn(language), extra);
  }
  if (exception instanceof HttpException) return httpBody(exception, language, body);
  return body(500, text('server.internal'));
}

/** The HTTP status of each error the services throw. */
function statusOf(exception: unknown): number | null {
  if (exception instanceof AuthenticationError) return 401;
  if (exception instanceof OutOfScopeError) return 403;
  if (exception instanceof NotFoundError) return 404;
  if (exception instanceof StaleVersionError) return 409;
  if (exception instanceof ConflictError) return 409;
  if (exception instanceof TooLargeError) return 413;
  if (exception instanceof PeriodNotOpenError) return 423;
  if (exception instanceof LockedOutError) return 429;
  if (exception instanceof ServiceUnavailableError) return 503;
  return null;
}

/** Nest's own refusals (an unknown route, the rate limit, a body too large, a bad upload). */
function httpBody(
  exception: HttpException,
  language: Language,
  body: (statusCode: number, message: string, extra?: Partial<ErrorBody>) => ErrorBody,
): ErrorBody {
  const status = exception.getStatus();
  // In English, Nest's own words say most; in Chinese, the catalogue's word for the status.
  if (language === 'en') return body(status, exception.message);
  const key: MessageKey =
    status === 404
      ? 'request.notFound'
      : status === 413
        ? 'request.tooLarge'
        : status === 429
          ? 'request.tooMany'
          : 'request.failed';
  return body(status, translate(language, key, { status: String(status) }));
}
