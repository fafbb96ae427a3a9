import type { GradeThreshold } from './grade';
import { evaluateAgency, type AgencyEvaluation, type SchemeIndicator } from './evaluate';
import { rankChange } from './rank';
import { type LeveledAgency, type RankGroups, rankGroupsOf, rankInGroups } from './rank-groups';
import type { Counts } from './rate';
import type { IndicatorCounts } from './roll-up';

export type WindowAgency = LeveledAgency;

/** One agency's figures of one covered month (in the scope asked for), as published. */
export interface WindowMonthFigures {
  agencyCode: string;
  counts: IndicatorCounts;
}

export interface WindowRanks {
  rankInParent: number | null;
  rankInLevel: number | null;
  rankInNation: number | null;
}

export interface WindowAgencyResult extends WindowRanks {
  code: string;
  /** Reported in at least one covered month; otherwise 未报送 for the whole window. */
  reported: boolean;
  /** null when not reported. */
  evaluation: AgencyEvaluation | null;
  /** Ranked agencies of each group the agency ranks in, as "of M"; nation null outside a national tree. */
  parentSize: number;
  levelSize: number;
  nationSize: number | null;
  /** Previous window's rank − this one's; null without a previous rank. */
  rankChangeInParent: number | null;
  rankChangeInLevel: number | null;
  rankChangeInNation: number | null;
}

/**
 * Every indicator's numerators and denominators summed, separately and exactly, per agency over
 * the months given — the window's figures are a ratio of sums, never an average of monthly rates.
 */
export function sumWindowCounts(
  figures: readonly WindowMonthFigures[],
): Map<string, IndicatorCounts> {
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
 * covered month) and ranked exactly as a month is, in the groups of `rankGroupsOf` (parent, level
 * inside the province, level across the country); 未报送 agencies unranked.
 */
export function evaluateWindow(args: {
  /** Every agency of the tree (it decides the rank groups); only those with figures are reported. */
  agencies: readonly WindowAgency[];
  figures: readonly WindowMonthFigures[];
  scheme: readonly SchemeIndicator[];
  grades?: readonly Readonly<GradeThreshold>[];
  /** The previous window's ranks by agency code, for rank changes. */
  previous?: ReadonlyMap<string, WindowRanks>;
}): WindowAgencyResult[] {
  const sums = sumWindowCounts(args.figures);
  const groups = rankGroupsOf(args.agencies);
  const scored = args.agencies.map((agency) => {
    const counts = sums.get(agency.code);
    const evaluation = counts
      ? evaluateAgency({ scheme: args.scheme, counts, grades: args.grades })
      : null;
    return { agency, evaluation, score: evaluation?.composite?.rounded ?? null };
  });
  const ranksIn = (which: keyof RankGroups) =>
    rankInGroups(
      scored.map(({ agency, score }) => ({
        code: agency.code,
        score,
        group: groups.get(agency.code)?.[which] ?? null,
      })),
    );
  const inParent = ranksIn('inParent');
  const inLevel = ranksIn('inLevel');
  const inNation = ranksIn('inNation');
  return scored.map(({ agency, evaluation }) => {
    const parent = inParent.get(agency.code) ?? { rank: null, of: 0 };
    const level = inLevel.get(agency.code) ?? { rank: null, of: 0 };
    const nation = inNation.get(agency.code) ?? null;
    const previous = args.previous?.get(agency.code);
    return {
      code: agency.code,
      reported: evaluation !== null,
      evaluation,
      rankInParent: parent.rank,
      parentSize: parent.of,
      rankInLevel: level.rank,
      levelSize: level.of,
      rankInNation: nation?.rank ?? null,
      nationSize: nation?.of ?? null,
      rankChangeInParent: rankChange(previous?.rankInParent, parent.rank),
      rankChangeInLevel: rankChange(previous?.rankInLevel, level.rank),
      rankChangeInNation: nation ? rankChange(previous?.rankInNation, nation.rank) : null,
    };
  });
}
