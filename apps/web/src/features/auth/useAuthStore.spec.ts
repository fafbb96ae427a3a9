import type { LoginResponse } from '@scorecard/contracts';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/http';
import { readSession, SESSION_STORAGE_KEY, sessionFromLogin, writeSession } from './session';

vi.mock('./auth.api', () => ({ login: vi.fn(), refresh: vi.fn() }));

const authApi = await import('./auth.api');
const { useAuthStore } = await import('./useAuthStore');

function pair(n: number): LoginResponse {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresIn: 900,
    user: {
      username: 'head-330102',
      role: 'agency_head',
      agencyCode: '330102',
      displayName: '',
      mustChangePassword: false,
    },
  };
}

describe('useAuthStore.renew', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.mocked(authApi.refresh).mockReset();
    vi.mocked(authApi.login).mockReset();
    writeSession(localStorage, sessionFromLogin(pair(1), Date.now() - 3_600_000));
    setActivePinia(createPinia());
  });

  it('keeps a session whose access token ran out but can be refreshed', () => {
    const auth = useAuthStore();
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.currentToken()).toBe('access-1');
  });

  it('trades the refresh token for a new pair and keeps it for the next reload', async () => {
    vi.mocked(authApi.refresh).mockResolvedValue(pair(2));
    const auth = useAuthStore();
    await expect(auth.renew()).resolves.toBe(true);
    expect(authApi.refresh).toHaveBeenCalledWith({ refreshToken: 'refresh-1' });
    expect(auth.currentToken()).toBe('access-2');
    expect(readSession(localStorage)?.refreshToken).toBe('refresh-2');
  });

  it('adopts the pair another tab got instead of presenting a spent token', async () => {
    const auth = useAuthStore();
    writeSession(localStorage, sessionFromLogin(pair(7), Date.now()));
    await expect(auth.renew()).resolves.toBe(true);
    expect(authApi.refresh).not.toHaveBeenCalled();
    expect(auth.currentToken()).toBe('access-7');
  });

  it('asks for the password in place once the session has ended, and goes on after', async () => {
    vi.mocked(authApi.refresh).mockRejectedValue(new ApiError('http', 401, 'ended'));
    vi.mocked(authApi.login).mockResolvedValue(pair(3));
    const auth = useAuthStore();
    const renewed = auth.renew();
    await vi.waitFor(() => expect(auth.reloginOpen).toBe(true));
    // The page stays: the user is still known, and a reload would go to the login page.
    expect(auth.user?.username).toBe('head-330102');
    expect(readSession(localStorage)?.refreshToken).toBeNull();

    await auth.relogin('demo');
    await expect(renewed).resolves.toBe(true);
    expect(authApi.login).toHaveBeenCalledWith({ username: 'head-330102', password: 'demo' });
    expect(auth.reloginOpen).toBe(false);
    expect(auth.currentToken()).toBe('access-3');
  });

  it('gives up when the user leaves for the login page instead', async () => {
    vi.mocked(authApi.refresh).mockRejectedValue(new ApiError('http', 401, 'ended'));
    const auth = useAuthStore();
    const renewed = auth.renew();
    await vi.waitFor(() => expect(auth.reloginOpen).toBe(true));
    auth.logout();
    await expect(renewed).resolves.toBe(false);
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('lets a refresh that could not reach the API fail as it is, without asking to log in', async () => {
    vi.mocked(authApi.refresh).mockRejectedValue(new ApiError('http', 503, 'database down'));
    const auth = useAuthStore();
    await expect(auth.renew()).rejects.toMatchObject({ status: 503 });
    expect(auth.reloginOpen).toBe(false);
  });
});
