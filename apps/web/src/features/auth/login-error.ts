import { fieldErrorsText } from '../../shared/errors';
import { ApiError } from '../../shared/http';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What to say when a login fails (the login page and the dialog after a session ended). */
export function loginErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('login.invalidCredentials');
    if (error.status === 429) return t('login.tooManyAttempts');
    if (error.kind === 'network') return t('common.networkError');
    if (error.status === 503) return t('common.unavailable');
    const details = fieldErrorsText(error, t);
    if (details) return t('login.failed', { message: details });
  }
  return t('login.failed', { message: error instanceof Error ? error.message : String(error) });
}
