/**
 * The baseline of the national recompute bench: one hand-written statement that turns a month's
 * submissions into the rows the product stores in `agency_result` — own (本级) and aggregate (全市,
 * a ratio of sums over the subtree) figures, rates, indicator scores, the composite rounded to 2
 * decimals, grade, ranks within parent, within level in the province and within level in the
 * nation, and rank changes against the previous month as published.
 *
 * Exact like the product: every score is a fraction p / q of NUMERIC values (exact under + − ×);
 * rates and scores leave as the double nearest the exact fraction, as the product stores them. The
 * composite is summed in doubles and rounded to hundredths, except where it lies within a hair of
 * a half hundredth: there Σ weight × p / q is folded into one exact fraction, indicator by
 * indicator, and rounded with integer division (half away from zero).
 *
 * $1 period, $2 and $3 the scheme year and version in force, $4 the previous period.
 */
export const NATIONAL_ROLL_UP_SQL = `
WITH RECURSIVE
  walk AS (
    -- Top-down: each agency's path from the root and its province (its ancestor at level
    -- province, or itself when it is a province, a root, or sits right under the nation).
    SELECT a.code::text AS code, a.level::text AS level, a.parent_code::text AS parent_code,
           a.code::text AS province, ARRAY[a.code::text] AS path
      FROM agency a
     WHERE a.parent_code IS NULL
    UNION ALL
    SELECT a.code::text, a.level::text, a.parent_code::text,
           CASE WHEN a.level = 'province' OR w.level = 'nation' THEN a.code::text ELSE w.province END,
           w.path || a.code::text
      FROM walk w
      JOIN agency a ON a.parent_code = w.code
  ),
  reported AS (
    SELECT agency_code FROM submission WHERE period = $1 AND status <> 'draft'
  ),
  own AS (
    SELECT v.agency_code, v.indicator_code, v.numerator, v.denominator
      FROM submission_value v
      JOIN reported r ON r.agency_code = v.agency_code
     WHERE v.period = $1
  ),
  counts AS (
    SELECT 'own' AS scope, agency_code, indicator_code, numerator AS n, denominator AS d FROM own
    UNION ALL
    SELECT 'aggregate', ancestor, o.indicator_code, sum(o.numerator), sum(o.denominator)
      FROM own o
      JOIN walk w ON w.code = o.agency_code
      CROSS JOIN LATERAL unnest(w.path) AS ancestor
     GROUP BY ancestor, o.indicator_code
  ),
  evaluated AS (
    -- What is scored: an agency that reported (own), a subtree with any figure (aggregate).
    SELECT 'own' AS scope, agency_code FROM reported
    UNION
    SELECT scope, agency_code FROM counts WHERE scope = 'aggregate'
  ),
  scheme AS (
    SELECT code, weight, target, floor,
           row_number() OVER (ORDER BY sort_order, code) AS position
      FROM scheme_indicator
     WHERE year = $2 AND version = $3
  ),
  fractions AS (
    SELECT e.scope, e.agency_code, s.code, s.weight, s.position,
           coalesce(c.n, 0) AS n, coalesce(c.d, 0) AS d,
           -- The indicator score as p / q: 100 at or above target, 0 at or below floor,
           -- 100 (n / d − floor) / (target − floor) = 100 (n − floor d) / (d (target − floor)).
           CASE WHEN coalesce(c.d, 0) = 0 THEN NULL
                WHEN c.n >= s.target * c.d THEN 100
                WHEN c.n <= s.floor * c.d THEN 0
                ELSE 100 * (c.n - s.floor * c.d) END AS p,
           CASE WHEN coalesce(c.d, 0) = 0 OR c.n >= s.target * c.d OR c.n <= s.floor * c.d THEN 1
                ELSE c.d * (s.target - s.floor) END AS q
      FROM evaluated e
      CROSS JOIN scheme s
      LEFT JOIN counts c
        ON c.scope = e.scope AND c.agency_code = e.agency_code AND c.indicator_code = s.code
  ),
  cells AS (
    -- The score as the double nearest p / q. Scaled by 10^8 both are whole (figures have 2
    -- decimals, bands 6): below 2^53 one float division is correctly rounded; above, 40 exact
    -- decimals are.
    SELECT f.*,
           CASE WHEN p IS NULL THEN NULL
                WHEN p * 1e8 < 9007199254740992 AND q * 1e8 < 9007199254740992
                  THEN (p * 1e8)::float8 / (q * 1e8)::float8
                ELSE (div(p * 1e40, q) * 1e-40)::float8 END AS score
      FROM fractions f
  ),
  approximate AS (
    -- The composite in hundredths, in doubles: its error is far below what could move its
    -- rounding, unless it lies within a hair of a half hundredth.
    SELECT scope, agency_code,
           100 * sum(weight::float8 * score)
             / nullif(sum(weight::float8) FILTER (WHERE score IS NOT NULL), 0) AS hundredths
      FROM cells
     GROUP BY scope, agency_code
  ),
  fold AS (
    -- For those near a half: Σ weight × p / q as one exact fraction num / den, indicator by
    -- indicator, with the applicable weight w beside it.
    SELECT scope, agency_code, 0::bigint AS position, 0::numeric AS num, 1::numeric AS den, 0::numeric AS w
      FROM approximate
     WHERE abs(hundredths - floor(hundredths) - 0.5) <= 1e-6
    UNION ALL
    SELECT f.scope, f.agency_code, c.position,
           CASE WHEN c.p IS NULL THEN f.num ELSE f.num * c.q + c.weight * c.p * f.den END,
           CASE WHEN c.p IS NULL THEN f.den ELSE f.den * c.q END,
           f.w + CASE WHEN c.p IS NULL THEN 0 ELSE c.weight END
      FROM fold f
      JOIN fractions c ON c.scope = f.scope AND c.agency_code = f.agency_code AND c.position = f.position + 1
  ),
  composite AS (
    -- Hundredths rounded half away from zero (all terms are non-negative); near a half, of the
    -- exact num / (den w) with integer division.
    SELECT a.scope, a.agency_code,
           CASE WHEN x.agency_code IS NOT NULL
                THEN CASE WHEN x.w = 0 THEN NULL ELSE div(200 * x.num + x.den * x.w, 2 * x.den * x.w) END
                ELSE floor(a.hundredths + 0.5)::numeric END AS hundredths
      FROM approximate a
      LEFT JOIN fold x
        ON x.scope = a.scope AND x.agency_code = a.agency_code AND x.position = (SELECT count(*) FROM scheme)
  ),
  indicators AS (
    SELECT scope, agency_code,
           jsonb_object_agg(code, jsonb_build_object(
             'numerator', n::numeric(17, 2)::text,
             'denominator', d::numeric(17, 2)::text,
             'rate', CASE WHEN d = 0 THEN NULL ELSE (100 * n)::float8 / (100 * d)::float8 END,
             'score', score
           )) AS indicators
      FROM cells
     GROUP BY scope, agency_code
  ),
  grade_bands AS (
    SELECT band->>'code' AS grade, round((band->>'min')::numeric * 100) AS min_hundredths
      FROM scheme_version, jsonb_array_elements(grades) AS band
     WHERE year = $2 AND version = $3
  ),
  scored AS (
    SELECT scopes.scope, w.code AS agency_code, w.level, w.parent_code, w.province,
           e.agency_code IS NOT NULL AS reported,
           c.hundredths, i.indicators
      FROM walk w
      CROSS JOIN (VALUES ('own'), ('aggregate')) AS scopes (scope)
      LEFT JOIN evaluated e ON e.scope = scopes.scope AND e.agency_code = w.code
      LEFT JOIN composite c ON c.scope = scopes.scope AND c.agency_code = w.code
      LEFT JOIN indicators i ON i.scope = scopes.scope AND i.agency_code = w.code
  ),
  ranked AS (
    -- Standard competition ranking: rank() among those with a composite (nulls last never
    -- precede a score); sizes count the ranked only.
    SELECT s.*,
           CASE WHEN hundredths IS NOT NULL THEN rank() OVER in_parent END AS rank_in_parent,
           count(hundredths) OVER parent_group AS parent_size,
           CASE WHEN hundredths IS NOT NULL THEN rank() OVER in_level END AS rank_in_level,
           count(hundredths) OVER level_group AS level_size,
           CASE WHEN hundredths IS NOT NULL AND national THEN rank() OVER in_nation END AS rank_in_nation,
           CASE WHEN national THEN count(hundredths) OVER nation_group END AS nation_size
      FROM scored s
      CROSS JOIN (SELECT EXISTS (SELECT 1 FROM agency WHERE level = 'nation' AND parent_code IS NULL) AS national) AS tree
    WINDOW parent_group AS (PARTITION BY scope, level, parent_code),
           level_group AS (PARTITION BY scope, level, province),
           nation_group AS (PARTITION BY scope, level),
           in_parent AS (parent_group ORDER BY hundredths DESC NULLS LAST),
           in_level AS (level_group ORDER BY hundredths DESC NULLS LAST),
           in_nation AS (nation_group ORDER BY hundredths DESC NULLS LAST)
  ),
  previous AS (
    SELECT r.agency_code, r.scope::text AS scope, r.rank_in_parent, r.rank_in_level, r.rank_in_nation
      FROM published_result r
      JOIN period p ON p.period = r.period AND p.published_version = r.version
     WHERE r.period = $4
  )
SELECT r.agency_code, r.scope, r.reported,
       (r.hundredths / 100)::numeric(5, 2)::text AS score,
       CASE WHEN r.hundredths IS NULL THEN NULL ELSE coalesce(
         (SELECT g.grade FROM grade_bands g WHERE r.hundredths >= g.min_hundredths
           ORDER BY g.min_hundredths DESC LIMIT 1), 'fail') END AS grade,
       r.rank_in_parent, r.parent_size::int, pr.rank_in_parent - r.rank_in_parent AS rank_change_in_parent,
       r.rank_in_level, r.level_size::int, pr.rank_in_level - r.rank_in_level AS rank_change_in_level,
       r.rank_in_nation, r.nation_size::int, pr.rank_in_nation - r.rank_in_nation AS rank_change_in_nation,
       $2::int AS scheme_year, $3::int AS scheme_version,
       coalesce(r.indicators, '{}'::jsonb) AS indicators
  FROM ranked r
  LEFT JOIN previous pr ON pr.agency_code = r.agency_code AND pr.scope = r.scope
 ORDER BY r.agency_code, r.scope`;

/** The product's stored rows of a month, in the statement's shape. */
export const STORED_RESULTS_SQL = `
SELECT agency_code, scope::text AS scope, reported, score::text AS score, grade,
       rank_in_parent, parent_size, rank_change_in_parent, rank_in_level, level_size,
       rank_change_in_level, rank_in_nation, nation_size, rank_change_in_nation,
       scheme_year, scheme_version, indicators
  FROM agency_result
 WHERE period = $1
 ORDER BY agency_code, scope`;

export interface ResultFields {
  agencyCode: string;
  scope: string;
  reported: boolean;
  score: string | null;
  grade: string | null;
  rankInParent: number | null;
  parentSize: number;
  rankChangeInParent: number | null;
  rankInLevel: number | null;
  levelSize: number;
  rankChangeInLevel: number | null;
  rankInNation: number | null;
  nationSize: number | null;
  rankChangeInNation: number | null;
  schemeYear: number | null;
  schemeVersion: number | null;
  indicators: unknown;
}

/** A row of either query, with its numbers as numbers (bigint counts come back as text). */
export function resultFieldsOf(row: Record<string, unknown>): ResultFields {
  const int = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
  return {
    agencyCode: String(row['agency_code']),
    scope: String(row['scope']),
    reported: Boolean(row['reported']),
    score: (row['score'] as string | null) ?? null,
    grade: (row['grade'] as string | null) ?? null,
    rankInParent: int(row['rank_in_parent']),
    parentSize: Number(row['parent_size']),
    rankChangeInParent: int(row['rank_change_in_parent']),
    rankInLevel: int(row['rank_in_level']),
    levelSize: Number(row['level_size']),
    rankChangeInLevel: int(row['rank_change_in_level']),
    rankInNation: int(row['rank_in_nation']),
    nationSize: int(row['nation_size']),
    rankChangeInNation: int(row['rank_change_in_nation']),
    schemeYear: int(row['scheme_year']),
    schemeVersion: int(row['scheme_version']),
    indicators: row['indicators'],
  };
}
