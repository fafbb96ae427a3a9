import { ApiError } from '../../shared/http';

/** What went wrong with an action, in the API's words (field messages when it lists them). */
export function actionErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    const body = error.body as { errors?: { message?: unknown }[] } | null;
    const fields = (body?.errors ?? []).map((entry) => String(entry.message ?? '')).filter(Boolean);
    if (fields.length > 0) return fields.join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
