import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface StarWallQuery {
  period?: string;
  /** Any of these months (a year's, for its honour roll). */
  periods?: string[];
  /** Agencies in this subtree only (a city and its counties). */
  agencyCodes?: string[];
  level?: string;
  staffUsername?: string;
  limit: number;
  /** Entries to skip before the first one answered (paging). */
  offset?: number;
}

export interface StarWallRow {
  period: string;
  agencyCode: string;
  agencyName: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
  staffUsername: string;
  name: string;
  post: string;
  reason: string;
  work: string;
  leader: string;
  attendance: string;
  votes: number;
  voters: number;
  total: string;
  status: 'publicizing' | 'confirmed';
  publicityEndsAt: Date;
}

/** What everyone sees of the service stars: the wall, and which agencies named one. */
@Injectable()
export class StarWallRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The star wall: publicised and confirmed stars, newest month first, then by agency code. */
  wall(query: StarWallQuery): Promise<StarWallRow[]> {
    const { conditions, parameters } = wallFilter(query);
    parameters.push(query.offset ?? 0);
    parameters.push(query.limit);
    return this.dataSource.query(
      `SELECT r.period, r.agency_code AS "agencyCode", a.name AS "agencyName", a.level::text AS level,
              a.parent_code AS "parentCode", c.staff_username AS "staffUsername", u.display_name AS name, c.post,
              c.reason, c.work::text AS work, c.leader::text AS leader, c.attendance::text AS attendance, c.votes,
              (SELECT count(*)::int FROM star_voter v WHERE v.period = r.period AND v.agency_code = r.agency_code) AS voters,
              r.total::text AS total, r.status, r.publicity_ends_at AS "publicityEndsAt"
         FROM star_round r
         JOIN star_candidate c ON c.id = r.star_candidate_id
         JOIN app_user u ON u.username = c.staff_username
         JOIN agency a ON a.code = r.agency_code
        WHERE ${conditions.join(' AND ')}
        ORDER BY r.period DESC, r.agency_code
        OFFSET $${parameters.length - 1} LIMIT $${parameters.length}`,
      parameters,
    );
  }

  /** How many stars the wall's filters match in all. */
  async countWall(query: Omit<StarWallQuery, 'limit' | 'offset'>): Promise<number> {
    const { conditions, parameters } = wallFilter(query);
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count
         FROM star_round r
         JOIN star_candidate c ON c.id = r.star_candidate_id
         JOIN agency a ON a.code = r.agency_code
        WHERE ${conditions.join(' AND ')}`,
      parameters,
    );
    return rows[0].count;
  }

  /** Every agency with whether it has a star (publicised or confirmed) for the month, and how many candidates. */
  participation(period: string): Promise<
    {
      agencyCode: string;
      agencyName: string;
      level: 'province' | 'city' | 'county';
      parentCode: string | null;
      named: boolean;
      candidates: number;
    }[]
  > {
    return this.dataSource.query(
      `SELECT a.code AS "agencyCode", a.name AS "agencyName", a.level::text AS level, a.parent_code AS "parentCode",
              coalesce(r.status IN ('publicizing', 'confirmed'), false) AS named,
              (SELECT count(*)::int FROM star_candidate c WHERE c.period = $1 AND c.agency_code = a.code) AS candidates
         FROM agency a LEFT JOIN star_round r ON r.agency_code = a.code AND r.period = $1
        ORDER BY a.code`,
      [period],
    );
  }
}

/** The wall's filters as SQL conditions over star_round r, star_candidate c and agency a. */
function wallFilter(query: Omit<StarWallQuery, 'limit' | 'offset'>): {
  conditions: string[];
  parameters: unknown[];
} {
  const conditions = [`r.status IN ('publicizing', 'confirmed')`];
  const parameters: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    parameters.push(value);
    conditions.push(condition(`$${parameters.length}`));
  };
  if (query.period) add((p) => `r.period = ${p}`, query.period);
  if (query.periods) add((p) => `r.period = ANY(${p}::char(7)[])`, query.periods);
  if (query.agencyCodes) add((p) => `r.agency_code = ANY(${p})`, query.agencyCodes);
  if (query.level) add((p) => `a.level = ${p}::agency_level`, query.level);
  if (query.staffUsername) add((p) => `c.staff_username = ${p}`, query.staffUsername);
  return { conditions, parameters };
}
