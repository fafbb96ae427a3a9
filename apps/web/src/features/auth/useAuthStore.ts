import type { LoginRequest, SessionUserDto } from '@scorecard/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError } from '../../shared/http';
import {
  changePassword as changePasswordRequest,
  login as loginRequest,
  refresh as refreshRequest,
} from './auth.api';
import {
  isSessionValid,
  readSession,
  renewedSession,
  sessionFromLogin,
  type StoredSession,
  writeSession,
} from './session';

const REFRESH_LOCK = 'scorecard.session.refresh';

/**
 * Runs `work` while no other tab of the app runs it: tabs share one stored session, and a refresh
 * token presented twice ends it. Browsers without Web Locks run it at once.
 */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request(REFRESH_LOCK, work) : work();
}

/** The logged-in user and tokens, kept in localStorage across reloads. */
export const useAuthStore = defineStore('auth', () => {
  const session = ref<StoredSession | null>(readSession(localStorage));

  const user = computed<SessionUserDto | null>(() => session.value?.user ?? null);
  const token = computed<string | null>(() => session.value?.accessToken ?? null);

  function save(next: StoredSession | null): void {
    session.value = next;
    writeSession(localStorage, next);
  }

  function isAuthenticated(now: number = Date.now()): boolean {
    return isSessionValid(session.value, now);
  }

  async function login(credentials: LoginRequest): Promise<SessionUserDto> {
    const response = await loginRequest(credentials);
    save(sessionFromLogin(response, Date.now()));
    return response.user;
  }

  /** Sets the user's own password; the session goes on, no longer bound to change it. */
  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await changePasswordRequest({ currentPassword, newPassword });
    const current = session.value;
    if (current) save({ ...current, user: { ...current.user, mustChangePassword: false } });
  }

  /** An administrator set the password: nothing else is open until the user sets their own. */
  const mustChangePassword = computed(() => session.value?.user.mustChangePassword === true);

  function logout(): void {
    save(null);
    finishRelogin(false);
  }

  /**
   * The token to send, even past its time: the API's 401 then starts a refresh. Null without a
   * session, or once it has ended and a refresh cannot help.
   */
  function currentToken(): string | null {
    return isAuthenticated() ? token.value : null;
  }

  // Asking for the password again, in place, after the session ended (see `renew`).
  const reloginOpen = ref(false);
  let reloginWaiters: ((loggedIn: boolean) => void)[] = [];
  function askToLogIn(): Promise<boolean> {
    reloginOpen.value = true;
    return new Promise((resolve) => reloginWaiters.push(resolve));
  }
  function finishRelogin(loggedIn: boolean): void {
    reloginOpen.value = false;
    const waiters = reloginWaiters;
    reloginWaiters = [];
    for (const resolve of waiters) resolve(loggedIn);
  }
  /** Logs the same user in again from the dialog; the calls that waited go on. */
  async function relogin(password: string): Promise<void> {
    const username = session.value?.user.username;
    if (!username) throw new Error('No session to log in to again');
    await login({ username, password });
    finishRelogin(true);
  }

  /**
   * After a 401: trades the refresh token for a new pair; when the session has truly ended, asks
   * for the password in a dialog and waits. True once a new token is there, false if the user
   * gave up. The HTTP client never runs two at once; `acrossTabs` keeps other tabs out.
   */
  async function renew(): Promise<boolean> {
    const before = session.value;
    if (!before) return false;
    const renewed = await acrossTabs(async () => {
      // Another tab may have refreshed already: its pair is in storage, ours is spent.
      const stored = readSession(localStorage);
      if (
        stored?.user.username === before.user.username &&
        stored.refreshToken &&
        stored.refreshToken !== before.refreshToken
      ) {
        session.value = stored;
        return true;
      }
      if (!before.refreshToken) return false;
      try {
        const response = await refreshRequest({ refreshToken: before.refreshToken });
        save(renewedSession(before, response, Date.now()));
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return false;
        throw error;
      }
    });
    if (renewed) return true;
    // Ended (refresh token expired, spent or revoked): nothing is left to refresh with, and a
    // reload now starts at the login page; this page stays, with what was typed into it.
    save({ ...before, accessToken: '', refreshToken: null, expiresAt: 0 });
    return askToLogIn();
  }

  return {
    session,
    user,
    token,
    reloginOpen,
    isAuthenticated,
    login,
    logout,
    changePassword,
    mustChangePassword,
    currentToken,
    renew,
    relogin,
  };
});
