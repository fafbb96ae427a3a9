import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AgencyLevel, Scope } from '@scorecard/contracts';
import { AgencyResultEntity, type StoredIndicatorResult } from '../entities';

export interface RankingQuery {
  period: string;
  level: AgencyLevel;
  scope: Scope;
  /** Only the children of this agency; ranks are then the within-parent ones. */
  parent?: string;
  /** A published snapshot; without it, the current (draft) results. */
  version?: number;
}

/** An agency's ranks in a month as published, for the next month's rank changes. */
export interface PreviousRanks {
  rankInParent: number | null;
  rankInLevel: number | null;
  rankInNation?: number | null;
}

export interface RankingRecord extends AgencyResultEntity {
  name: string;
  level: AgencyLevel;
  parentCode: string | null;
}

/** The published months among those asked for, and the reported agencies' figures in each. */
export interface PublishedMonthsFigures {
  /** Months that have a published version, oldest first. */
  months: string[];
  /** Figures of the level's reported agencies, in the scope asked for, from each month's published version. */
  figures: { period: string; agencyCode: string; indicators: Record<string, StoredIndicatorResult> }[];
}

/** A stored result's columns beside the entity's keys, in the order `replaceForPeriod` sends them. */
const RESULT_COLUMNS: readonly (readonly [string, keyof AgencyResultEntity])[] = [
  ['agency_code', 'agencyCode'],
  ['scope', 'scope'],
  ['reported', 'reported'],
  ['score', 'score'],
  ['grade', 'grade'],
  ['rank_in_parent', 'rankInParent'],
  ['parent_size', 'parentSize'],
  ['rank_change_in_parent', 'rankChangeInParent'],
  ['rank_in_level', 'rankInLevel'],
  ['level_size', 'levelSize'],
  ['rank_change_in_level', 'rankChangeInLevel'],
  ['rank_in_nation', 'rankInNation'],
  ['nation_size', 'nationSize'],
  ['rank_change_in_nation', 'rankChangeInNation'],
  ['scheme_year', 'schemeYear'],
  ['scheme_version', 'schemeVersion'],
  ['indicators', 'indicators'],
];
const UPDATED_COLUMNS = RESULT_COLUMNS.slice(2).map(([column]) => column);
const STORED_COLUMNS = ['period', ...RESULT_COLUMNS.map(([column]) => column)].join(', ');
const prefixed = (alias: string, columns: readonly string[]): string =>
  columns.map((column) => `${alias}.${column}`).join(', ');
const excluded = (columns: readonly string[]): string => prefixed('EXCLUDED', columns);

@Injectable()
export class ResultRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Replaces all results of a month in the caller's transaction, in two statements: the rows travel
   * as a single JSON parameter (no per-row round trips, no parameter limit), each as an array of
   * its values in {@link RESULT_COLUMNS} order. Only what differs is written: rows of agencies no
   * longer in the set are deleted, new ones inserted, and a row is updated only when one of its
   * values changed — a recompute that changes a few figures rewrites a few rows, not the month
   * (and spares the foreign-key checks of every re-inserted row).
   */
  async replaceForPeriod(manager: EntityManager, period: string, rows: AgencyResultEntity[]): Promise<void> {
    const values = rows.map((row) => {
      if (row.period !== period) throw new RangeError(`A result of ${row.period} given for ${period}`);
      return RESULT_COLUMNS.map(([, key]) => row[key]);
    });
    // The rows of agencies the set leaves out; keys travel apart, so that the rows themselves are
    // read in one pass by the statement that writes them.
    await manager.query(
      `DELETE FROM agency_result
        WHERE period = $1
          AND agency_code || '/' || scope NOT IN (SELECT unnest($2::text[]))`,
      [period, rows.map((row) => `${row.agencyCode}/${row.scope}`)],
    );
    await manager.query(
      `WITH incoming AS (
         SELECT $1::char(7) AS period, (r->>0)::char(6) AS agency_code, (r->>1)::result_scope AS scope,
                (r->>2)::boolean AS reported, (r->>3)::numeric(5, 2) AS score, r->>4 AS grade,
                (r->>5)::int AS rank_in_parent, (r->>6)::int AS parent_size,
                (r->>7)::int AS rank_change_in_parent, (r->>8)::int AS rank_in_level,
                (r->>9)::int AS level_size, (r->>10)::int AS rank_change_in_level,
                (r->>11)::int AS rank_in_nation, (r->>12)::int AS nation_size,
                (r->>13)::int AS rank_change_in_nation, (r->>14)::int AS scheme_year,
                (r->>15)::int AS scheme_version, r->16 AS indicators
           FROM jsonb_array_elements($2::jsonb) AS rows (r)
       )
       INSERT INTO agency_result AS a (${STORED_COLUMNS})
       SELECT ${STORED_COLUMNS} FROM incoming
       ON CONFLICT (period, agency_code, scope) DO UPDATE
          SET (${UPDATED_COLUMNS}) = (${excluded(UPDATED_COLUMNS)})
        WHERE (${prefixed('a', UPDATED_COLUMNS)}) IS DISTINCT FROM (${excluded(UPDATED_COLUMNS)})`,
      [period, JSON.stringify(values)],
    );
  }

  /** Writes these rows over the stored ones of the same agency, month and scope (one statement). */
  upsertRows(manager: EntityManager, rows: AgencyResultEntity[]): Promise<void> {
    return this.insertRows(
      manager,
      rows,
      `ON CONFLICT (period, agency_code, scope) DO UPDATE SET
         reported = excluded.reported, score = excluded.score, grade = excluded.grade,
         rank_in_parent = excluded.rank_in_parent, parent_size = excluded.parent_size,
         rank_change_in_parent = excluded.rank_change_in_parent, rank_in_level = excluded.rank_in_level,
         level_size = excluded.level_size, rank_change_in_level = excluded.rank_change_in_level,
         indicators = excluded.indicators, scheme_year = excluded.scheme_year,
         scheme_version = excluded.scheme_version, rank_in_nation = excluded.rank_in_nation,
         nation_size = excluded.nation_size, rank_change_in_nation = excluded.rank_change_in_nation`,
    );
  }

  /**
   * Every stored (draft) result of a month, both scopes, in the caller's transaction; the
   * per-indicator figures only of `indicatorsOf` (the others' come back empty: a month's
   * computation that re-ranks them needs their scores, not their figures).
   */
  async ofPeriod(manager: EntityManager, period: string, indicatorsOf: readonly string[]): Promise<AgencyResultEntity[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT period, agency_code, scope, reported, score, grade, rank_in_parent, parent_size,
              rank_change_in_parent, rank_in_level, level_size, rank_change_in_level, rank_in_nation,
              nation_size, rank_change_in_nation, scheme_year, scheme_version,
              CASE WHEN agency_code = ANY($2::char(6)[]) THEN indicators ELSE '{}'::jsonb END AS indicators
         FROM agency_result WHERE period = $1`,
      [period, indicatorsOf],
    );
    return rows.map(toResultEntity);
  }

  /**
   * Sets the ranks, group sizes and rank changes of these stored rows, and nothing else of them, in
   * one set-based statement: each column travels as one array parameter.
   */
  async updateRanks(manager: EntityManager, rows: AgencyResultEntity[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof AgencyResultEntity>(key: K) => rows.map((row) => row[key]);
    await manager.query(
      `UPDATE agency_result t SET
         rank_in_parent = r.rank_in_parent, parent_size = r.parent_size,
         rank_change_in_parent = r.rank_change_in_parent, rank_in_level = r.rank_in_level,
         level_size = r.level_size, rank_change_in_level = r.rank_change_in_level,
         rank_in_nation = r.rank_in_nation, nation_size = r.nation_size,
         rank_change_in_nation = r.rank_change_in_nation
         FROM unnest($1::char(7)[], $2::char(6)[], $3::result_scope[], $4::int[], $5::int[], $6::int[],
                     $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[])
           AS r (period, agency_code, scope, rank_in_parent, parent_size, rank_change_in_parent,
                 rank_in_level, level_size, rank_change_in_level, rank_in_nation, nation_size,
                 rank_change_in_nation)
        WHERE t.period = r.period AND t.agency_code = r.agency_code AND t.scope = r.scope`,
      [
        column('period'),
        column('agencyCode'),
        column('scope'),
        column('rankInParent'),
        column('parentSize'),
        column('rankChangeInParent'),
        column('rankInLevel'),
        column('levelSize'),
        column('rankChangeInLevel'),
        column('rankInNation'),
        column('nationSize'),
        column('rankChangeInNation'),
      ],
    );
  }

  private async insertRows(manager: EntityManager, rows: AgencyResultEntity[], onConflict = ''): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO agency_result (period, agency_code, scope, reported, score, grade, rank_in_parent,
         parent_size, rank_change_in_parent, rank_in_level, level_size, rank_change_in_level, indicators,
         scheme_year, scheme_version, rank_in_nation, nation_size, rank_change_in_nation)
       SELECT r.period, r."agencyCode", r.scope::result_scope, r.reported, r.score, r.grade,
              r."rankInParent", r."parentSize", r."rankChangeInParent", r."rankInLevel", r."levelSize",
              r."rankChangeInLevel", r.indicators, r."schemeYear", r."schemeVersion",
              r."rankInNation", r."nationSize", r."rankChangeInNation"
         FROM jsonb_to_recordset($1::jsonb) AS r(
           period char(7), "agencyCode" char(6), scope text, reported boolean, score numeric(5, 2),
           grade text, "rankInParent" int, "parentSize" int, "rankChangeInParent" int,
           "rankInLevel" int, "levelSize" int, "rankChangeInLevel" int, indicators jsonb,
           "schemeYear" int, "schemeVersion" int,
           "rankInNation" int, "nationSize" int, "rankChangeInNation" int)
       ${onConflict}`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Ranks of a month as last published, keyed by `agencyCode/scope`, for rank changes: a month
   * being corrected, or never published, moves nobody's arrow.
   */
  async publishedRanksOfPeriod(
    manager: EntityManager,
    period: string,
  ): Promise<Map<string, PreviousRanks>> {
    const rows: {
      agency_code: string;
      scope: Scope;
      rank_in_parent: number | null;
      rank_in_level: number | null;
      rank_in_nation: number | null;
    }[] =
      await manager.query(
        `SELECT r.agency_code, r.scope, r.rank_in_parent, r.rank_in_level, r.rank_in_nation
           FROM published_result r JOIN period p ON p.period = r.period AND p.published_version = r.version
          WHERE r.period = $1`,
        [period],
      );
    return new Map(
      rows.map((row) => [
        `${row.agency_code}/${row.scope}`,
        { rankInParent: row.rank_in_parent, rankInLevel: row.rank_in_level, rankInNation: row.rank_in_nation },
      ]),
    );
  }

  /** `manager`: read inside the caller's transaction (a version being published). */
  async ranking(query: RankingQuery, manager: EntityManager = this.dataSource.manager): Promise<RankingRecord[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      query.version === undefined
        ? `SELECT r.*, a.name, a.level, a.parent_code
             FROM agency_result r
             JOIN agency a ON a.code = r.agency_code
            WHERE r.period = $1 AND r.scope = $2 AND a.level = $3
              AND ($4::char(6) IS NULL OR a.parent_code = $4)
            ORDER BY r.agency_code`
        : `SELECT r.*, a.name, a.level, a.parent_code
             FROM published_result r
             JOIN agency a ON a.code = r.agency_code
            WHERE r.period = $1 AND r.scope = $2 AND a.level = $3
              AND ($4::char(6) IS NULL OR a.parent_code = $4) AND r.version = $5
            ORDER BY r.agency_code`,
      query.version === undefined
        ? [query.period, query.scope, query.level, query.parent ?? null]
        : [query.period, query.scope, query.level, query.parent ?? null, query.version],
    );
    return rows.map((row) => ({
      ...toResultEntity(row),
      name: row['name'] as string,
      level: row['level'] as AgencyLevel,
      parentCode: row['parent_code'] as string | null,
    }));
  }

  /**
   * A level's figures over several months, each month read at its latest published version (a
   * month reopened for correction counts as last published; drafts never), in one statement.
   */
  async publishedOfMonths(months: readonly string[], level: AgencyLevel, scope: Scope): Promise<PublishedMonthsFigures> {
    const rows: { period: string; agency_code: string | null; indicators: Record<string, StoredIndicatorResult> | null }[] =
      await this.dataSource.query(
        `SELECT p.period, f.agency_code, f.indicators
           FROM period p
           LEFT JOIN (
             SELECT r.period, r.version, r.agency_code, r.indicators
               FROM published_result r JOIN agency a ON a.code = r.agency_code
              WHERE a.level = $2 AND r.scope = $3 AND r.reported
           ) f ON f.period = p.period AND f.version = p.published_version
          WHERE p.period = ANY($1::char(7)[]) AND p.published_version > 0
          ORDER BY p.period, f.agency_code`,
        [months, level, scope],
      );
    return {
      months: [...new Set(rows.map((row) => row.period))],
      figures: rows.flatMap((row) =>
        row.agency_code === null || row.indicators === null
          ? []
          : [{ period: row.period, agencyCode: row.agency_code, indicators: row.indicators }],
      ),
    };
  }

  /** One agency's results: the current ones, or those of a published version. */
  async find(period: string, agencyCode: string, scope: Scope, version?: number): Promise<AgencyResultEntity | null> {
    if (version === undefined) {
      return this.dataSource.getRepository(AgencyResultEntity).findOneBy({ period, agencyCode, scope });
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      'SELECT * FROM published_result WHERE period = $1 AND agency_code = $2 AND scope = $3 AND version = $4',
      [period, agencyCode, scope, version],
    );
    return rows.length === 0 ? null : toResultEntity(rows[0]);
  }

  /**
   * One agency's results over a range of months (inclusive), oldest first: the current ones, or
   * (`publishedOnly`) each month's latest published version, leaving out months never published.
   */
  async history(
    agencyCode: string,
    scope: Scope,
    from: string,
    to: string,
    options: { publishedOnly: boolean },
  ): Promise<AgencyResultEntity[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      options.publishedOnly
        ? `SELECT r.* FROM published_result r
             JOIN period p ON p.period = r.period AND p.published_version = r.version
            WHERE r.agency_code = $1 AND r.scope = $2 AND r.period BETWEEN $3 AND $4
            ORDER BY r.period`
        : `SELECT * FROM agency_result
            WHERE agency_code = $1 AND scope = $2 AND period BETWEEN $3 AND $4
            ORDER BY period`,
      [agencyCode, scope, from, to],
    );
    return rows.map(toResultEntity);
  }
}

function toResultEntity(row: Record<string, unknown>): AgencyResultEntity {
  return {
    period: row['period'] as string,
    agencyCode: row['agency_code'] as string,
    scope: row['scope'] as Scope,
    reported: row['reported'] as boolean,
    score: row['score'] as string | null,
    grade: row['grade'] as AgencyResultEntity['grade'],
    rankInParent: row['rank_in_parent'] as number | null,
    parentSize: row['parent_size'] as number,
    rankChangeInParent: row['rank_change_in_parent'] as number | null,
    rankInLevel: row['rank_in_level'] as number | null,
    levelSize: row['level_size'] as number,
    rankChangeInLevel: row['rank_change_in_level'] as number | null,
    rankInNation: (row['rank_in_nation'] as number | null | undefined) ?? null,
    nationSize: (row['nation_size'] as number | null | undefined) ?? null,
    rankChangeInNation: (row['rank_change_in_nation'] as number | null | undefined) ?? null,
    schemeYear: (row['scheme_year'] as number | null | undefined) ?? null,
    schemeVersion: (row['scheme_version'] as number | null | undefined) ?? null,
    indicators: row['indicators'] as AgencyResultEntity['indicators'],
  };
}
