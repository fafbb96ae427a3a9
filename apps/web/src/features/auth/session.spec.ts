import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';
import {
  isSessionValid,
  readSession,
  renewedSession,
  SESSION_STORAGE_KEY,
  sessionFromLogin,
  writeSession,
} from './session';

const response = {
  accessToken: 'jwt',
  refreshToken: 'refresh',
  expiresIn: 3600,
  user: {
    username: 'admin',
    role: 'province_admin',
    agencyCode: '330000',
    displayName: '管理员',
    mustChangePassword: false,
  },
} as const;

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

describe('session', () => {
  it('ends its access token after expiresIn seconds and stays valid while it can be refreshed', () => {
    const session = sessionFromLogin({ ...response, user: { ...response.user } }, 1_000);
    expect(session.expiresAt).toBe(3_601_000);
    expect(session.refreshToken).toBe('refresh');
    expect(isSessionValid(session, 3_601_000)).toBe(true);
    expect(isSessionValid({ ...session, refreshToken: null }, 3_600_999)).toBe(true);
    expect(isSessionValid({ ...session, refreshToken: null }, 3_601_000)).toBe(false);
    expect(isSessionValid(null, 0)).toBe(false);
  });

  it('keeps the user across a refresh', () => {
    const session = sessionFromLogin({ ...response, user: { ...response.user } }, 0);
    const renewed = renewedSession(
      session,
      { accessToken: 'jwt2', refreshToken: 'refresh2', expiresIn: 60 },
      10_000,
    );
    expect(renewed).toEqual({
      accessToken: 'jwt2',
      refreshToken: 'refresh2',
      expiresAt: 70_000,
      user: session.user,
    });
  });

  it('reads a session stored before refresh tokens were kept', () => {
    const storage = memoryStorage();
    const old: Record<string, unknown> = {
      ...sessionFromLogin({ ...response, user: { ...response.user } }, 0),
    };
    delete old.refreshToken;
    storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(old));
    expect(readSession(storage)).toEqual({ ...old, refreshToken: null });
  });

  it('survives a reload through storage and ignores garbage', () => {
    const storage = memoryStorage();
    const session = sessionFromLogin({ ...response, user: { ...response.user } }, 0);
    writeSession(storage, session);
    expect(readSession(storage)).toEqual(session);
    storage.setItem(SESSION_STORAGE_KEY, '{"accessToken":1}');
    expect(readSession(storage)).toBeNull();
    storage.setItem(SESSION_STORAGE_KEY, 'not json');
    expect(readSession(storage)).toBeNull();
    writeSession(storage, null);
    expect(storage.map.has(SESSION_STORAGE_KEY)).toBe(false);
  });
});

describe('safeRedirect', () => {
  it('only follows paths inside the app', () => {
    expect(safeRedirect('/rankings?level=county')).toBe('/rankings?level=county');
    expect(safeRedirect(['/rankings'])).toBe('/rankings');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('/login?redirect=/x')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
