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
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: SessionUserDto;
}
