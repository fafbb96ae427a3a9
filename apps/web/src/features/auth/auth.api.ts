import type { LoginRequest, LoginResponse } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** POST /api/auth/login — 401 on wrong credentials, 429 after too many failures. */
export function login(request: LoginRequest): Promise<LoginResponse> {
  return apiClient.post<LoginResponse>('/auth/login', request, { auth: false });
}
