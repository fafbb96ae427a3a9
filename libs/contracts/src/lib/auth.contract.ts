export const ROLES = ['province_admin', 'city_admin', 'agency_head', 'staff'] as const;
export type Role = (typeof ROLES)[number];

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
