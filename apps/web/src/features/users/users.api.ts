import type {
  CreatedUserDto,
  PasswordResetResultDto,
  Role,
  UserDto,
  UserImportResultDto,
} from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/users — everyone in the caller's scope (province: everyone; city admin: its city). */
export function fetchUsers(signal?: AbortSignal): Promise<UserDto[]> {
  return apiClient.get<UserDto[]>('/users', { signal });
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string;
  post?: string;
  /** Without it, the API generates one and answers it this once. */
  password?: string;
}

/** POST /api/users — 201; the owner must change the password at first login. */
export function createUser(user: NewUser): Promise<CreatedUserDto> {
  return apiClient.post<CreatedUserDto>('/users', user);
}

export interface UserChange {
  displayName?: string;
  role?: Role;
  post?: string;
  disabled?: boolean;
}

/** PATCH /api/users/:username */
export function updateUser(username: string, change: UserChange): Promise<UserDto> {
  return apiClient.request<UserDto>('PATCH', `/users/${encodeURIComponent(username)}`, {
    body: change,
  });
}

/**
 * POST /api/users/:username/reset-password — with a password: 204 (null here); without: the
 * generated initial password, answered this once.
 */
export async function resetPassword(
  username: string,
  password?: string,
): Promise<PasswordResetResultDto | null> {
  const answer = await apiClient.post<PasswordResetResultDto | null | undefined>(
    `/users/${encodeURIComponent(username)}/reset-password`,
    password ? { password } : {},
  );
  return answer ?? null;
}

/** POST /api/users/:username/unlock — 204 */
export function unlockUser(username: string): Promise<void> {
  return apiClient.post<void>(`/users/${encodeURIComponent(username)}/unlock`);
}

/** POST /api/users/import (multipart `file`) — 201 with each account's initial password, or 400 with every bad row. */
export function importUsers(file: File): Promise<UserImportResultDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiClient.postForm<UserImportResultDto>('/users/import', form);
}
