import type { AgencyNode } from './agency-tree';
import type { GradeThreshold } from './grade';
import { evaluateAgency, type AgencyEvaluation, type SchemeIndicator } from './evaluate';
import { rankAgencies, rankChange } from './rank';
import type { Counts } from './rate';
import type { IndicatorCounts } from './roll-up';

export interface WindowAgency extends AgencyNode {
  level: string;
}

/** One agency's figures of one covered month (in the scope asked for), as published. */
export interface WindowMonthFigures {
  agencyCode: string;
  counts: IndicatorCounts;
}

export interface WindowRanks {
  rankInParent: number | null;
  rankInLevel: number | null;
}

export interface WindowAgencyResult extends WindowRanks {
  code: string;
  /** Reported in at least one covered month; otherwise 未报送 for the whole window. */
  reported: boolean;
  /** null when not reported. */
  evaluation: AgencyEvaluation | null;
  /** Ranked agencies of its parent's group and of its level (inside its root), as "of M". */
  parentSize: number;
  levelSize: number;
  /** Previous window's rank − this one's; null without a previous rank. */
  rankChangeInParent: number | null;
  rankChangeInLevel: number | null;
}

/**
 * Every indicator's numerators and denominators summed, separately and exactly, per agency over
 * the months given — the window's figures are a ratio of sums, never an average of monthly rates.
 */
export function sumWindowCounts(figures: readonly WindowMonthFigures[]): Map<string, IndicatorCounts> {
  const sums = new Map<string, Map<string, Counts>>();
  for (const { agencyCode, counts } of figures) {
    const agency = sums.get(agencyCode) ?? new Map<string, Counts>();
    for (const [code, { numerator, denominator }] of Object.entries(counts)) {
      const sum = agency.get(code);
      agency.set(
        code,
        sum === undefined
          ? { numerator, denominator }
          : { numerator: sum.numerator + numerator, denominator: sum.denominator + denominator },
      );
    }
    sums.set(agencyCode, agency);
  }
  // fromEntries defines own properties, so even an odd code like "__proto__" stays a plain key.
  return new Map([...sums].map(([code, counts]) => [code, Object.fromEntries(counts)]));
}

/**
 * A window's result (quarter, half-year, year): per agency the summed figures of its covered
 * months, then rated, scored, composited and graded with one scheme (the one in force in the last
 * covered month) and ranked exactly as a month is — within its parent and within its level (inside
 * its root), standard competition ranking on the rounded composite; 未报送 agencies unranked.
 */
export function evaluateWindow(args: {
  /** Every agency of the tree (the roots decide the level groups); only those with figures are reported. */
  agencies: readonly WindowAgency[];
  figures: readonly WindowMonthFigures[];
  scheme: readonly SchemeIndicator[];
  grades?: readonly Readonly<GradeThreshold>[];
  /** The previous window's ranks by agency code, for rank changes. */
  previous?: ReadonlyMap<string, WindowRanks>;
}): WindowAgencyResult[] {
  const sums = sumWindowCounts(args.figures);
  const rootOf = rootsOf(args.agencies);
  const scored = args.agencies.map((agency) => {
    const counts = sums.get(agency.code);
    const evaluation = counts ? evaluateAgency({ scheme: args.scheme, counts, grades: args.grades }) : null;
    return { agency, evaluation, score: evaluation?.composite?.rounded ?? null };
  });
  const inParent = rankInGroups(scored, (agency) => `${agency.level}/${agency.parentCode ?? ''}`);
  const inLevel = rankInGroups(scored, (agency) => `${agency.level}/${rootOf.get(agency.code) ?? ''}`);
  return scored.map(({ agency, evaluation }) => {
    const parent = inParent.get(agency.code) ?? { rank: null, size: 0 };
    const level = inLevel.get(agency.code) ?? { rank: null, size: 0 };
    const previous = args.previous?.get(agency.code);
    return {
      code: agency.code,
      reported: evaluation !== null,
      evaluation,
      rankInParent: parent.rank,
      parentSize: parent.size,
      rankInLevel: level.rank,
      levelSize: level.size,
      rankChangeInParent: rankChange(previous?.rankInParent, parent.rank),
      rankChangeInLevel: rankChange(previous?.rankInLevel, level.rank),
    };
  });
}

function rankInGroups(
  scored: readonly { agency: WindowAgency; score: number | null }[],
  groupKey: (agency: WindowAgency) => string,
): Map<string, { rank: number | null; size: number }> {
  const groups = new Map<string, { code: string; score: number | null }[]>();
  for (const { agency, score } of scored) {
    const key = groupKey(agency);
    const group = groups.get(key) ?? [];
    group.push({ code: agency.code, score });
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
}

/** Each agency's root ancestor. */
function rootsOf(agencies: readonly AgencyNode[]): Map<string, string> {
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
