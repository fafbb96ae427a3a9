import { type Permission, denialKey, denialMessage } from '@scorecard/access';
import { type Language, PASSWORD_CHANGE_REQUIRED_KEY } from '@scorecard/contracts';
import { type MessageKey, type MessageParams, translate } from './api-messages';

/**
 * Errors the services throw; {@link ApiExceptionFilter} maps them to HTTP in one place and words
 * them in the caller's language from the message catalogue (`api-messages.ts`). Each error keeps
 * an English `message` for the logs.
 */

/** A field error as the caller reads it: the field as the caller wrote it, and what is wrong. */
export interface FieldError {
  field: string;
  message: string;
  row?: number;
}

/**
 * A field error before it is worded: the catalogue's key and its parameters, or (for a feature
 * that words its own problems, such as an accounts file) the words in each language.
 */
export type FieldProblem = { field: string; row?: number } & (
  { key: MessageKey; params?: MessageParams } | { words: Readonly<Record<Language, string>> }
);

function wordProblem(problem: FieldProblem, language: Language): string {
  return 'words' in problem
    ? problem.words[language]
    : translate(language, problem.key, problem.params);
}

/** Names each error after its class, so logs say which one was thrown. */
export abstract class ApiError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(translate('en', key, params));
    this.name = new.target.name;
  }

  /** The message in the caller's language. */
  textIn(language: Language): string {
    return translate(language, this.key, this.params);
  }
}

export class InvalidInputError extends ApiError {
  constructor(readonly problems: FieldProblem[]) {
    super('request.invalid');
    this.message = problems
      .map((problem) => `${problem.field}: ${wordProblem(problem, 'en')}`)
      .join('; ');
  }

  errorsIn(language: Language): FieldError[] {
    return this.problems.map((problem) => ({
      field: problem.field,
      ...(problem.row === undefined ? {} : { row: problem.row }),
      message: wordProblem(problem, language),
    }));
  }
}

export class NotFoundError extends ApiError {}

export class OutOfScopeError extends ApiError {
  constructor(
    key: MessageKey = 'scope.outside',
    params: MessageParams = {},
    /** The permission refused, when there is one: its refusal is worded by `@scorecard/access`. */
    readonly permission?: Permission,
  ) {
    super(key, params);
    if (permission) this.message = denialMessage(permission, 'en');
  }

  static denied(permission: Permission): OutOfScopeError {
    return new OutOfScopeError('scope.outside', {}, permission);
  }

  /** The message key the web app translates (`access.denied.<permission>`), when there is one. */
  get messageKey(): string | undefined {
    return this.permission ? denialKey(this.permission) : undefined;
  }

  override textIn(language: Language): string {
    return this.permission ? denialMessage(this.permission, language) : super.textIn(language);
  }
}

/** An account that must change its initial password reaches nothing else until it has. */
export class PasswordChangeRequiredError extends OutOfScopeError {
  constructor() {
    super('auth.passwordChangeRequired');
  }

  override get messageKey(): string {
    return PASSWORD_CHANGE_REQUIRED_KEY;
  }
}

export class StaleVersionError extends ApiError {
  constructor(readonly currentVersion: number | null) {
    super(
      currentVersion === null ? 'submission.createWithoutVersion' : 'submission.stale',
      currentVersion === null ? {} : { version: currentVersion },
    );
  }
}

/** Where a month stands when it refuses a change; `unopened`: it has not been opened yet. */
export type ClosedMonthStatus = 'open' | 'locked' | 'published' | 'unopened';

export class PeriodNotOpenError extends ApiError {
  constructor(
    readonly period: string,
    readonly status: ClosedMonthStatus,
  ) {
    super('period.notOpen', { period, status: { key: `status.${status}` } });
  }
}

export class AuthenticationError extends ApiError {
  constructor(key: MessageKey = 'auth.wrongCredentials') {
    super(key);
  }
}

export class LockedOutError extends ApiError {
  constructor(readonly until: Date) {
    super('auth.lockedOut', { until });
  }
}

export class ConflictError extends ApiError {}

/** A request body or upload larger than the API takes (413). */
export class TooLargeError extends ApiError {}

/** A service the API depends on (the database) cannot be reached; answered 503, the caller may retry. */
export class ServiceUnavailableError extends ApiError {
  constructor() {
    super('server.unavailable');
  }
}
