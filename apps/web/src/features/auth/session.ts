import type { LoginResponse, SessionUserDto } from '@scorecard/contracts';

export const SESSION_STORAGE_KEY = 'scorecard.session';

export interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds: when the access token ends (the refresh token outlives it). */
  expiresAt: number;
  /** Single use: POST /auth/refresh trades it for a new pair. Null in sessions stored before. */
  refreshToken: string | null;
  user: SessionUserDto;
}

export function sessionFromLogin(response: LoginResponse, now: number): StoredSession {
  return {
    accessToken: response.accessToken,
    expiresAt: now + Math.max(0, response.expiresIn) * 1000,
    refreshToken: response.refreshToken,
    user: response.user,
  };
}

/** The refresh of a session: a new pair, the same user. */
export function renewedSession(
  session: StoredSession,
  response: Pick<LoginResponse, 'accessToken' | 'refreshToken' | 'expiresIn'> &
    Partial<Pick<LoginResponse, 'user'>>,
  now: number,
): StoredSession {
  // Whether the password must still be changed is the server's latest word, when it gives one.
  const mustChangePassword = response.user?.mustChangePassword ?? session.user.mustChangePassword;
  return sessionFromLogin({ ...response, user: { ...session.user, mustChangePassword } }, now);
}

/** Logged in: the access token still runs, or a refresh token can renew it. */
export function isSessionValid(session: StoredSession | null, now: number): boolean {
  return session != null && (session.expiresAt > now || !!session.refreshToken);
}

function isStoredSession(value: unknown): value is StoredSession {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<StoredSession>;
  return (
    typeof v.accessToken === 'string' &&
    typeof v.expiresAt === 'number' &&
    (v.refreshToken == null || typeof v.refreshToken === 'string') &&
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
    return isStoredSession(parsed)
      ? { ...parsed, refreshToken: parsed.refreshToken ?? null }
      : null;
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
