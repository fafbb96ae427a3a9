import { ApiError } from './http';

/** A person-readable message for a failed call (network trouble gets its own text). */
export function errorText(
  error: unknown,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  if (error instanceof ApiError && error.kind === 'network') return t('common.networkError');
  // The API cannot reach its database: nothing is wrong with the session or what was typed.
  if (error instanceof ApiError && error.status === 503) return t('common.unavailable');
  if (error instanceof ApiError && error.status === 403) return t('common.forbidden');
  const details = fieldErrorsText(error, t);
  if (details) return t('common.invalidInput', { details });
  const message = error instanceof Error ? error.message : String(error);
  return t('common.loadError', { message });
}

/**
 * The field errors of a 400 answer as one line ("reason 至少需要 2 个字符；…"), worded by the API in
 * the page's language; empty when the answer has none.
 */
export function fieldErrorsText(
  error: unknown,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  if (!(error instanceof ApiError) || error.status !== 400) return '';
  const errors = (error.body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return '';
  return errors
    .map((entry) => (entry as { message?: unknown }).message)
    .filter((message): message is string => typeof message === 'string' && message !== '')
    .join(t('common.listSeparator'));
}
