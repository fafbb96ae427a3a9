import { ApiError } from './http';

/** A person-readable message for a failed call (network trouble gets its own text). */
export function errorText(
  error: unknown,
  t: (key: string, values?: Record<string, unknown>) => string,
): string {
  if (error instanceof ApiError && error.kind === 'network') return t('common.networkError');
  if (error instanceof ApiError && error.status === 403) return t('common.forbidden');
  const message = error instanceof Error ? error.message : String(error);
  return t('common.loadError', { message });
}
