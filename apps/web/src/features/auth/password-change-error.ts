import { ApiError } from '../../shared/http';
import { errorText } from '../../shared/errors';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What to say when setting one's password fails: the field the API names, in the reader's language. */
export function passwordChangeErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 400) {
    const errors =
      (error.body as { errors?: { field?: string; message?: string }[] } | null)?.errors ?? [];
    const current = errors.find((e) => e.field === 'currentPassword');
    if (current) return t('password.wrongCurrent');
    const next = errors.find((e) => e.field === 'newPassword');
    if (next) return t('password.weak', { message: next.message ?? '' });
  }
  return errorText(error, t);
}
