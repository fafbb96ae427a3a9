/** Errors the services throw; {@link ApiExceptionFilter} maps them to HTTP in one place. */
export interface FieldError {
  field: string;
  message: string;
  row?: number;
}

export class InvalidInputError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
    this.name = 'InvalidInputError';
  }
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class OutOfScopeError extends Error {
  constructor(
    message = 'This agency is outside your scope',
    /** The message key the web app translates (`access.denied.<permission>`), when there is one. */
    readonly messageKey?: string,
  ) {
    super(message);
    this.name = 'OutOfScopeError';
  }
}

export class StaleVersionError extends Error {
  constructor(readonly currentVersion: number | null) {
    super(
      currentVersion === null
        ? 'The submission does not exist yet: send it without a version'
        : `The submission was changed by someone else: the current version is ${currentVersion}; reload and try again`,
    );
    this.name = 'StaleVersionError';
  }
}

export class PeriodNotOpenError extends Error {
  constructor(
    readonly period: string,
    readonly status: string,
  ) {
    super(`Period ${period} is ${status}: figures can only be changed while it is open`);
    this.name = 'PeriodNotOpenError';
  }
}

export class AuthenticationError extends Error {
  constructor(message = 'Wrong username or password') {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export class LockedOutError extends Error {
  constructor(readonly until: Date) {
    super(
      `Too many failed logins: this account is locked until ${until.toISOString()}. ` +
        'Wait, or ask an administrator to unlock it or reset the password.',
    );
    this.name = 'LockedOutError';
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
