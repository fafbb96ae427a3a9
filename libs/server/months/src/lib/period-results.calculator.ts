import {
  type AgencyEvaluation,
  type AgencyNode,
  type Counts,
  type IndicatorCounts,
  type GradeThreshold,
  type SchemeIndicator,
  Ratio,
  evaluateAgency,
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
  /** Own (本级) figures per agency that reported. */
  own: Map<string, IndicatorCounts>;
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
  const aggregate = rollUpCounts({ agencies: input.agencies, own: input.own });
  const groups = rankGroupsOf(input.agencies);
  const rows: AgencyResultEntity[] = [];

  // An agency without children (a county) has the same counts in both scopes: it is evaluated
  // once, which nationally saves most of the second scope's work.
  const parents = new Set(input.agencies.map((agency) => agency.parentCode));
  const ownEvaluations = new Map<string, AgencyEvaluation>();
  for (const scope of SCOPES) {
    const countsOf = scope === 'own' ? input.own : aggregate;
    const scoped = input.agencies.map((agency) => {
      const counts = countsOf.get(agency.code);
      const leaf = !parents.has(agency.code);
      const evaluation = counts
        ? ((scope === 'aggregate' && leaf ? ownEvaluations.get(agency.code) : undefined) ??
          evaluateAgency({ scheme: input.scheme, counts, grades: input.grades }))
        : null;
      if (scope === 'own' && leaf && evaluation) ownEvaluations.set(agency.code, evaluation);
      return { agency, reported: counts !== undefined, evaluation };
    });

    const ranksIn = (which: keyof RankGroups) =>
      rankInGroups(
        scoped.map(({ agency, reported, evaluation }) => ({
          code: agency.code,
          score: reported ? (evaluation?.composite?.rounded ?? null) : null,
          group: groups.get(agency.code)?.[which] ?? null,
        })),
      );
    const inParent = ranksIn('inParent');
    const inLevel = ranksIn('inLevel');
    const inNation = ranksIn('inNation');

    for (const { agency, reported, evaluation } of scoped) {
      const previous = input.previousRanks.get(`${agency.code}/${scope}`);
      const parentRank = inParent.get(agency.code) ?? { rank: null, of: 0 };
      const levelRank = inLevel.get(agency.code) ?? { rank: null, of: 0 };
      const nationRank = inNation.get(agency.code) ?? null;
      const indicators: Record<string, StoredIndicatorResult> = {};
      for (const indicator of evaluation?.indicators ?? []) {
        indicators[indicator.code] = {
          numerator: formatAmount(indicator.numerator),
          denominator: formatAmount(indicator.denominator),
          rate: indicator.rate ? indicator.rate.toNumber() : null,
          score: indicator.score ? indicator.score.toNumber() : null,
        };
      }
      const composite = evaluation?.composite ?? null;
      rows.push({
        period: input.period,
        agencyCode: agency.code,
        scope,
        reported,
        score: composite ? composite.rounded.toFixed(2) : null,
        grade: evaluation?.grade ?? null,
        rankInParent: parentRank.rank,
        parentSize: parentRank.of,
        rankChangeInParent: rankChange(previous?.rankInParent, parentRank.rank),
        rankInLevel: levelRank.rank,
        levelSize: levelRank.of,
        rankChangeInLevel: rankChange(previous?.rankInLevel, levelRank.rank),
        rankInNation: nationRank?.rank ?? null,
        nationSize: nationRank?.of ?? null,
        rankChangeInNation: nationRank ? rankChange(previous?.rankInNation, nationRank.rank) : null,
        schemeYear: input.schemeVersion?.year ?? null,
        schemeVersion: input.schemeVersion?.version ?? null,
        indicators,
      });
    }
  }
  return rows;
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
