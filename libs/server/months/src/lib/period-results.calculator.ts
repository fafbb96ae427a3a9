import {
  type AgencyNode,
  type Counts,
  type IndicatorCounts,
  type GradeThreshold,
  type SchemeIndicator,
  Ratio,
  evaluateAgency,
  rankAgencies,
  rankChange,
  rollUpCounts,
  formatAmount,
} from '@scorecard/scoring';
import type { AgencyLevel, Scope } from '@scorecard/contracts';
import type { AgencyResultEntity, StoredIndicatorResult } from '@scorecard/server-database';

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
  previousRanks: Map<string, { rankInParent: number | null; rankInLevel: number | null }>;
}

const SCOPES: Scope[] = ['own', 'aggregate'];

/**
 * Turns a month's figures into the stored result rows: evaluation per agency and scope, then
 * ranks within parent and within level (inside the agency's province), then rank changes.
 * Pure: the caller loads and stores.
 */
export function calculatePeriodResults(input: PeriodResultsInput): AgencyResultEntity[] {
  const aggregate = rollUpCounts({ agencies: input.agencies, own: input.own });
  const provinceOf = rootsOf(input.agencies);
  const rows: AgencyResultEntity[] = [];

  for (const scope of SCOPES) {
    const countsOf = scope === 'own' ? input.own : aggregate;
    const scoped = input.agencies.map((agency) => {
      const counts = countsOf.get(agency.code);
      const evaluation = counts ? evaluateAgency({ scheme: input.scheme, counts, grades: input.grades }) : null;
      return { agency, reported: counts !== undefined, evaluation };
    });

    const rankIn = (groupKey: (agency: CalculatorAgency) => string) => {
      const groups = new Map<string, { code: string; score: number | null }[]>();
      for (const { agency, reported, evaluation } of scoped) {
        const key = groupKey(agency);
        const group = groups.get(key) ?? [];
        group.push({ code: agency.code, score: reported ? (evaluation?.composite?.rounded ?? null) : null });
        groups.set(key, group);
      }
      const ranks = new Map<string, { rank: number | null; size: number }>();
      for (const group of groups.values()) {
        const ranked = rankAgencies(group);
        // "Rank N of M": M counts the ranked agencies only, never those that did not report (未报送).
        const size = ranked.filter((entry) => entry.rank !== null).length;
        for (const entry of ranked) ranks.set(entry.code, { rank: entry.rank, size });
      }
      return ranks;
    };
    const inParent = rankIn((agency) => `${agency.level}/${agency.parentCode ?? ''}`);
    const inLevel = rankIn((agency) => `${agency.level}/${provinceOf.get(agency.code)}`);

    for (const { agency, reported, evaluation } of scoped) {
      const previous = input.previousRanks.get(`${agency.code}/${scope}`);
      const parentRank = inParent.get(agency.code) ?? { rank: null, size: 0 };
      const levelRank = inLevel.get(agency.code) ?? { rank: null, size: 0 };
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
        parentSize: parentRank.size,
        rankChangeInParent: rankChange(previous?.rankInParent, parentRank.rank),
        rankInLevel: levelRank.rank,
        levelSize: levelRank.size,
        rankChangeInLevel: rankChange(previous?.rankInLevel, levelRank.rank),
        schemeYear: input.schemeVersion?.year ?? null,
        schemeVersion: input.schemeVersion?.version ?? null,
        indicators,
      });
    }
  }
  return rows;
}

/** Each agency's root ancestor (its province). */
function rootsOf(agencies: CalculatorAgency[]): Map<string, string> {
  const parentOf = new Map(agencies.map((agency) => [agency.code, agency.parentCode]));
  const roots = new Map<string, string>();
  const rootOf = (code: string): string => {
    const known = roots.get(code);
    if (known) return known;
    const parent = parentOf.get(code);
    const root = parent ? rootOf(parent) : code;
    roots.set(code, root);
    return root;
  };
  for (const agency of agencies) rootOf(agency.code);
  return roots;
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
