import {
  type AgencyFigures,
  type AgencyNode,
  type Counts,
  type IndicatorCounts,
  type GradeThreshold,
  type SchemeIndicator,
  Ratio,
  evaluateAgencyFigures,
  type RankGroups,
  rankChange,
  rankGroupsOf,
  rankInGroups,
  rollUpCounts,
  formatAmount,
} from '@scorecard/scoring';
import type { AgencyLevel, Scope } from '@scorecard/contracts';
import type { AgencyResultEntity, PreviousRanks, StoredIndicatorResult } from '@scorecard/server-database';

export interface CalculatorAgency extends AgencyNode {
  level: AgencyLevel;
}

export interface PeriodResultsInput {
  period: string;
  agencies: CalculatorAgency[];
  scheme: SchemeIndicator[];
  /** The version's grade bands; the default five when left out. */
  grades?: GradeThreshold[];
  /** The scheme version the rows record; null for a draft that is not saved (a preview). */
  schemeVersion?: { year: number; version: number } | null;
  /** Own (本级) figures per agency that reported (of the agencies evaluated, at least). */
  own: Map<string, IndicatorCounts>;
  /**
   * Aggregate (汇总) counts of the agencies evaluated, when already summed (by the database): then
   * no roll-up of the whole month is made. Rolled up from `own` when left out.
   */
  aggregate?: Map<string, IndicatorCounts>;
  /** Previous month's ranks keyed `agencyCode/scope`. */
  previousRanks: Map<string, PreviousRanks>;
}

const SCOPES: Scope[] = ['own', 'aggregate'];

/**
 * Turns a month's figures into the stored result rows: evaluation per agency and scope, then
 * ranks within parent, within level inside the agency's province and, under a nation root, within
 * level across the country (the groups are `rankGroupsOf`'s), then rank changes.
 * Pure: the caller loads and stores.
 */
export function calculatePeriodResults(input: PeriodResultsInput): AgencyResultEntity[] {
  return rankPeriodResults({
    agencies: input.agencies,
    rows: evaluatePeriodResults(input),
    previousRanks: input.previousRanks,
  });
}

/**
 * The evaluation half of {@link calculatePeriodResults}: one row per agency and scope (of the
 * agencies in `only`, when given: the rest is not evaluated), scored and graded, ranked as if in
 * no group (rank null of 0, no national rank); {@link rankPeriodResults} fills the ranks in.
 */
export function evaluatePeriodResults(input: PeriodResultsInput, only?: ReadonlySet<string>): AgencyResultEntity[] {
  const aggregate = input.aggregate ?? rollUpCounts({ agencies: input.agencies, own: input.own });
  const rows: AgencyResultEntity[] = [];

  // An agency without children (a county) has the same counts in both scopes: it is evaluated
  // once, which nationally saves most of the second scope's work.
  const parents = new Set(input.agencies.map((agency) => agency.parentCode));
  const ownEvaluations = new Map<string, AgencyFigures>();
  const evaluated = only ? input.agencies.filter((agency) => only.has(agency.code)) : input.agencies;
  for (const scope of SCOPES) {
    const countsOf = scope === 'own' ? input.own : aggregate;
    for (const agency of evaluated) {
      const counts = countsOf.get(agency.code);
      const leaf = !parents.has(agency.code);
      const evaluation = counts
        ? ((scope === 'aggregate' && leaf ? ownEvaluations.get(agency.code) : undefined) ??
          evaluateAgencyFigures({ scheme: input.scheme, counts, grades: input.grades }))
        : null;
      if (scope === 'own' && leaf && evaluation) ownEvaluations.set(agency.code, evaluation);
      const indicators: Record<string, StoredIndicatorResult> = {};
      for (const indicator of evaluation?.indicators ?? []) {
        indicators[indicator.code] = {
          numerator: formatAmount(indicator.numerator),
          denominator: formatAmount(indicator.denominator),
          rate: indicator.rate,
          score: indicator.score,
        };
      }
      const composite = evaluation?.composite ?? null;
      rows.push({
        period: input.period,
        agencyCode: agency.code,
        scope,
        reported: counts !== undefined,
        score: composite === null ? null : composite.toFixed(2),
        grade: evaluation?.grade ?? null,
        rankInParent: null,
        parentSize: 0,
        rankChangeInParent: null,
        rankInLevel: null,
        levelSize: 0,
        rankChangeInLevel: null,
        rankInNation: null,
        nationSize: null,
        rankChangeInNation: null,
        schemeYear: input.schemeVersion?.year ?? null,
        schemeVersion: input.schemeVersion?.version ?? null,
        indicators,
      });
    }
  }
  return rows;
}

export interface PeriodRankingInput {
  agencies: CalculatorAgency[];
  /** Every agency's row in each scope (evaluated now, or as stored): their scores are ranked. */
  rows: AgencyResultEntity[];
  /** Previous month's ranks keyed `agencyCode/scope`. */
  previousRanks: Map<string, PreviousRanks>;
  /**
   * Only the groups these agencies sit in are ranked (the others' ranks cannot have moved); every
   * group when left out.
   */
  groupsOf?: ReadonlySet<string>;
}

/**
 * The ranking half of {@link calculatePeriodResults}: ranks the rows' scores in each group of
 * `rankGroupsOf` and sets ranks, group sizes and rank changes. Answers the rows whose ranks it set
 * (with `groupsOf`, the members of those agencies' groups; the others' ranks are left as they are),
 * new objects in the order given.
 */
export function rankPeriodResults(input: PeriodRankingInput): AgencyResultEntity[] {
  const groups = rankGroupsOf(input.agencies);
  const kinds: (keyof RankGroups)[] = ['inParent', 'inLevel', 'inNation'];
  const wanted = new Map<keyof RankGroups, Set<string> | null>(
    kinds.map((kind) => {
      if (!input.groupsOf) return [kind, null];
      const keys = new Set<string>();
      for (const code of input.groupsOf) {
        const key = groups.get(code)?.[kind];
        if (key !== null && key !== undefined) keys.add(key);
      }
      return [kind, keys];
    }),
  );
  const inWanted = (kind: keyof RankGroups, code: string): boolean => {
    const keys = wanted.get(kind);
    const key = groups.get(code)?.[kind] ?? null;
    return keys === null || keys === undefined || (key !== null && keys.has(key));
  };

  const answer: AgencyResultEntity[] = [];
  for (const scope of SCOPES) {
    const scoped = input.rows.filter((row) => row.scope === scope);
    const ranksIn = (kind: keyof RankGroups) =>
      rankInGroups(
        scoped
          .filter((row) => inWanted(kind, row.agencyCode))
          .map((row) => ({
            code: row.agencyCode,
            score: row.reported && row.score !== null ? Number(row.score) : null,
            group: groups.get(row.agencyCode)?.[kind] ?? null,
          })),
      );
    const inParent = ranksIn('inParent');
    const inLevel = ranksIn('inLevel');
    const inNation = ranksIn('inNation');

    for (const stored of scoped) {
      const code = stored.agencyCode;
      const parentWanted = inWanted('inParent', code);
      const levelWanted = inWanted('inLevel', code);
      const nationWanted = inWanted('inNation', code);
      if (!parentWanted && !levelWanted && !nationWanted) continue;
      const previous = input.previousRanks.get(`${code}/${scope}`);
      const row = { ...stored };
      if (parentWanted) {
        const parentRank = inParent.get(code) ?? { rank: null, of: 0 };
        row.rankInParent = parentRank.rank;
        row.parentSize = parentRank.of;
        row.rankChangeInParent = rankChange(previous?.rankInParent, parentRank.rank);
      }
      if (levelWanted) {
        const levelRank = inLevel.get(code) ?? { rank: null, of: 0 };
        row.rankInLevel = levelRank.rank;
        row.levelSize = levelRank.of;
        row.rankChangeInLevel = rankChange(previous?.rankInLevel, levelRank.rank);
      }
      if (nationWanted) {
        const nationRank = inNation.get(code) ?? null;
        row.rankInNation = nationRank?.rank ?? null;
        row.nationSize = nationRank?.of ?? null;
        row.rankChangeInNation = nationRank ? rankChange(previous?.rankInNation, nationRank.rank) : null;
      }
      answer.push(row);
    }
  }
  return answer;
}

/** Parses the stored NUMERIC hundredths of a figure into exact counts. */
export function countsFromCents(numeratorCents: string, denominatorCents: string): Counts {
  return { numerator: BigInt(numeratorCents), denominator: BigInt(denominatorCents) };
}

/** Scheme rows (NUMERIC text) to the scoring lib's exact form. */
export function toSchemeIndicators(
  rows: { code: string; weight: string; target: string; floor: string }[],
): SchemeIndicator[] {
  return rows.map((row) => ({
    code: row.code,
    weight: Number(row.weight),
    target: Ratio.fromDecimal(row.target),
    floor: Ratio.fromDecimal(row.floor),
  }));
}

/** A version's stored bands to what grading reads. */
export function toGradeThresholds(bands: { code: GradeThreshold['grade']; min: number }[]): GradeThreshold[] {
  return bands.map((band) => ({ grade: band.code, min: Number(band.min) }));
}
