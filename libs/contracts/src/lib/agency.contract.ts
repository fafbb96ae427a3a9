export const AGENCY_LEVELS = ['nation', 'province', 'city', 'county'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** GET /api/agencies */
export interface AgencyDto {
  /** GB/T 2260 six-digit administrative division code, e.g. 330102. */
  code: string;
  name: string;
  level: AgencyLevel;
  parentCode: string | null;
}
