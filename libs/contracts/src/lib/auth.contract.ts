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

/** GET /api/users — never includes password material. */
export interface UserDto {
  username: string;
  displayName: string;
  role: Role;
  agencyCode: string;
  post: string | null;
  disabled: boolean;
}
