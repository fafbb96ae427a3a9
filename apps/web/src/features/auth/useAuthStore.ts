import type { LoginRequest, SessionUserDto } from '@scorecard/contracts';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { login as loginRequest } from './auth.api';
import {
  isSessionValid,
  readSession,
  sessionFromLogin,
  type StoredSession,
  writeSession,
} from './session';

/** The logged-in user and access token, kept in localStorage across reloads. */
export const useAuthStore = defineStore('auth', () => {
  const session = ref<StoredSession | null>(readSession(localStorage));

  const user = computed<SessionUserDto | null>(() => session.value?.user ?? null);
  const token = computed<string | null>(() => session.value?.accessToken ?? null);

  function isAuthenticated(now: number = Date.now()): boolean {
    return isSessionValid(session.value, now);
  }

  async function login(credentials: LoginRequest): Promise<SessionUserDto> {
    const response = await loginRequest(credentials);
    session.value = sessionFromLogin(response, Date.now());
    writeSession(localStorage, session.value);
    return response.user;
  }

  function logout(): void {
    session.value = null;
    writeSession(localStorage, null);
  }

  /** A usable token, or null once it has expired. */
  function currentToken(): string | null {
    return isAuthenticated() ? token.value : null;
  }

  return { session, user, token, isAuthenticated, login, logout, currentToken };
});
