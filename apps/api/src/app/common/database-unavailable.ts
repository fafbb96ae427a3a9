import { ServiceUnavailableError } from './api.errors';

/** Socket errors of a server that is down, unreachable or went away. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs of an unusable server: class 08 (connection exception) and the shutdown /
 * starting-up states of class 57 (admin_shutdown, crash_shutdown, cannot_connect_now).
 */
const SERVER_UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03']);

/** Messages of pg, its pool and TypeORM when there is no usable connection. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end/i,
  /Connection is not established/i,
  /connect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH)/i,
];

const CONNECTION_ERROR_NAMES = new Set([
  'ConnectionIsNotSetError',
  'ConnectionNotFoundError',
  'CannotExecuteNotConnectedError',
]);

/**
 * Whether an error means the database cannot be reached (down, restarting, or no connection to be
 * had in time), as opposed to a failed query. Looks through TypeORM's wrappers (`driverError`),
 * `cause` and the errors of an AggregateError (a refused connection to both loopback addresses).
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const candidate = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof candidate.code === 'string') {
    if (CONNECTION_CODES.has(candidate.code)) return true;
    if (candidate.code.startsWith('08') && candidate.code.length === 5) return true;
    if (SERVER_UNAVAILABLE_STATES.has(candidate.code)) return true;
  }
  if (typeof candidate.name === 'string' && CONNECTION_ERROR_NAMES.has(candidate.name)) return true;
  if (
    typeof candidate.message === 'string' &&
    CONNECTION_MESSAGES.some((pattern) => pattern.test(candidate.message as string))
  ) {
    return true;
  }
  if (
    Array.isArray(candidate.errors) &&
    candidate.errors.some((inner) => isDatabaseUnreachable(inner, depth + 1))
  )
    return true;
  return (
    isDatabaseUnreachable(candidate.driverError, depth + 1) ||
    isDatabaseUnreachable(candidate.cause, depth + 1)
  );
}

/** The error to answer for `error`: a {@link ServiceUnavailableError} when the database is unreachable. */
export function asServiceUnavailable(error: unknown): unknown {
  if (error instanceof ServiceUnavailableError) return error;
  return isDatabaseUnreachable(error) ? new ServiceUnavailableError() : error;
}
