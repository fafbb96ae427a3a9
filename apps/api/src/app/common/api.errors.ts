/** Errors the services throw; {@link ApiExceptionFilter} maps them to HTTP in one place. */
export interface FieldError {
  field: string;
  message: string;
  row?: number;
}

/** Names each error after its class, so logs say which one was thrown. */
abstract class ApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends ApiError {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
  }
}

export class NotFoundError extends ApiError {}

export class OutOfScopeError extends ApiError {
  constructor(
    message = 'This agency is outside your scope',
    /** The message key the web app translates (`access.denied.<permission>`), when there is one. */
    readonly messageKey?: string,
  ) {
    super(message);
  }
}

export class StaleVersionError extends ApiError {
  constructor(readonly currentVersion: number | null) {
    super(
      currentVersion === null
        ? 'The submission does not exist yet: send it without a version'
        : `The submission was changed by someone else: the current version is ${currentVersion}; reload and try again`,
    );
  }
}

export class PeriodNotOpenError extends ApiError {
  constructor(
    readonly period: string,
    readonly status: string,
  ) {
    super(`Period ${period} is ${status}: figures can only be changed while it is open`);
  }
}

export class AuthenticationError extends ApiError {
  constructor(message = 'Wrong username or password') {
    super(message);
  }
}

export class LockedOutError extends ApiError {
  constructor(readonly until: Date) {
    super(
      `Too many failed logins: this account is locked until ${until.toISOString()}. ` +
        'Wait, or ask an administrator to unlock it or reset the password.',
    );
  }
}

export class ConflictError extends ApiError {}

/** A service the API depends on (the database) cannot be reached; answered 503, the caller may retry. */
export class ServiceUnavailableError extends ApiError {
  constructor(message = 'The database is not reachable; try again shortly') {
    super(message);
  }
}
