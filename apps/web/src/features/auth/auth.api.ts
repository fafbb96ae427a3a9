import type {
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  RefreshRequest,
} from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** POST /api/auth/login — 401 on wrong credentials, 429 after too many failures. */
export function login(request: LoginRequest): Promise<LoginResponse> {
  return apiClient.post<LoginResponse>('/auth/login', request, { auth: false });
}

/**
 * POST /api/auth/refresh — a new pair for a refresh token, which is spent by it; 401 once the
 * session has ended (and presenting a spent token ends it).
 */
export function refresh(request: RefreshRequest): Promise<LoginResponse> {
  return apiClient.post<LoginResponse>('/auth/refresh', request, { auth: false });
}

/**
 * POST /api/auth/password — sets the caller's own password; 400 with field errors (wrong current
 * password, a new one too weak or unchanged). Every other session of the account ends.
 */
export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return apiClient.post<void>('/auth/password', request);
}
