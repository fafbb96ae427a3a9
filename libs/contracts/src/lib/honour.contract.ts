import type { AgencyLevel } from './agency.contract';
import type { Grade, WindowDto } from './ranking.contract';

/** An agency graded 优秀 or 良好 for the year (its year result: a ratio of sums over the published months). */
export interface HonouredAgencyDto {
  agencyCode: string;
  name: string;
  level: AgencyLevel;
  parentCode: string | null;
  score: number;
  grade: Extract<Grade, 'excellent' | 'good'>;
  /** Rank among the agencies of its level for the year (inside its province; nationally for a province). */
  rank: number;
}

/** A confirmed service star (一月一星) of one of the year's months. */
export interface HonouredStarDto {
  period: string;
  agencyCode: string;
  agencyName: string;
  level: AgencyLevel;
  staffUsername: string;
  name: string;
  post: string;
  total: number;
}

/** GET /api/honours?year= — the year's honour roll (荣誉榜). */
export interface HonoursDto {
  year: number;
  /** National deployments: the province whose roll this is (absent for the provinces' roll). */
  province?: string;
  /** The year's months that count (published) and those that do not yet. */
  window: WindowDto;
  /** Cities, then counties; each by rank (the provinces, by national rank, in the provinces' roll). */
  agencies: HonouredAgencyDto[];
  /** Oldest month first, then by agency code. */
  stars: HonouredStarDto[];
}
