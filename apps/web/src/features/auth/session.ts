import type { LoginResponse, SessionUserDto } from '@scorecard/contracts';

export const SESSION_STORAGE_KEY = 'scorecard.session';

export interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  user: SessionUserDto;
}

export function sessionFromLogin(response: LoginResponse, now: number): StoredSession {
  return {
    accessToken: response.accessToken,
    expiresAt: now + Math.max(0, response.expiresIn) * 1000,
    user: response.user,
  };
}

export function isSessionValid(session: StoredSession | null, now: number): boolean {
  return session != null && session.expiresAt > now;
}

function isStoredSession(value: unknown): value is StoredSession {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<StoredSession>;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.expiresAt === 'number' &&
    !!v.user &&
    typeof v.user === 'object' &&
    typeof v.user.username === 'string'
  );
}

export function readSession(storage: Pick<Storage, 'getItem'>): StoredSession | null {
  try {
    const raw = storage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isStoredSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function writeSession(
  storage: Pick<Storage, 'setItem' | 'removeItem'>,
  session: StoredSession | null,
): void {
  try {
    if (session) storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    else storage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Storage unavailable: the session lives in memory only.
  }
}
