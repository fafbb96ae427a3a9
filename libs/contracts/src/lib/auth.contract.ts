import type { Role } from '@scorecard/access';

// The roles are the access rules' own; the contract only carries them.
export { ROLES, type Role } from '@scorecard/access';

/** POST /api/auth/login */
export interface LoginRequest {
  username: string;
  password: string;
}

export interface SessionUserDto {
  username: string;
  role: Role;
  agencyCode: string;
  displayName: string;
  /** An administrator chose the password: it must be changed (POST /auth/password) before anything else. */
  mustChangePassword: boolean;
}

export interface LoginResponse {
  accessToken: string;
  /** Opaque; POST /auth/refresh trades it for a new pair. Each is usable once. */
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: SessionUserDto;
}

/** POST /api/auth/refresh */
export interface RefreshRequest {
  refreshToken: string;
}

/** POST /api/auth/password */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** The `messageKey` of the 403 every call answers until a must-change account has changed its password. */
export const PASSWORD_CHANGE_REQUIRED_KEY = 'auth.password_change_required';

/** GET /api/users — never includes password material. */
export interface UserDto {
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string;
  post: string | null;
  disabled: boolean;
  /** The initial password an administrator set has not been changed yet. */
  mustChangePassword: boolean;
  /** Too many failed logins: locked out (from at least one address) until an administrator unlocks. */
  locked: boolean;
}

/** POST /api/users → 201: the account, and the initial password when the API generated it (shown once). */
export interface CreatedUserDto extends UserDto {
  initialPassword?: string;
}

/** One account of a bulk import as the answer lists it, with the initial password shown only this once. */
export interface ImportedUserDto {
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string;
  post: string | null;
  initialPassword: string;
}

/** POST /api/users/import → 201 */
export interface UserImportResultDto {
  created: ImportedUserDto[];
}

/** POST /api/users/:username/reset-password with no password: the one generated, shown once. */
export interface PasswordResetResultDto {
  initialPassword: string;
}
