import { AgencyTreeError } from './agency-tree.error';
import { buildAgencyTree, type AgencyNode } from './agency-tree';
import type { Counts } from './rate';

/** Indicator code → counts. */
export type IndicatorCounts = Record<string, Counts>;

/**
 * Aggregate (全市) counts of every agency: its own counts plus those of all its descendants, summing
 * numerators and denominators separately — a ratio of sums, never an average of rates.
 * Agencies whose whole subtree has no counts are absent from the result. O(agencies × indicators).
 */
export function rollUpCounts(args: {
  agencies: readonly AgencyNode[];
  own: ReadonlyMap<string, IndicatorCounts>;
}): Map<string, IndicatorCounts> {
  const tree = buildAgencyTree(args.agencies);
  for (const code of args.own.keys()) {
    if (!tree.byCode.has(code)) {
      throw new AgencyTreeError(
        'unknown_agency',
        [code],
        `Counts given for unknown agency ${code}`,
      );
    }
  }

  // Bottom-up: by the time an agency is visited, all its children have added their totals to it.
  const totals = new Map<string, Map<string, Counts>>();
  for (let index = tree.topDown.length - 1; index >= 0; index--) {
    const { code, parentCode } = tree.topDown[index];
    const ownCounts = args.own.get(code);
    let subtree = totals.get(code);
    if (ownCounts !== undefined && Object.keys(ownCounts).length > 0) {
      subtree ??= new Map();
      addInto(subtree, Object.entries(ownCounts));
      totals.set(code, subtree);
    }
    if (subtree !== undefined && parentCode !== null) {
      const parentTotals = totals.get(parentCode) ?? new Map<string, Counts>();
      addInto(parentTotals, subtree.entries());
      totals.set(parentCode, parentTotals);
    }
  }

  const result = new Map<string, IndicatorCounts>();
  // Parents first, like the agency list, so iteration order is stable.
  for (const { code } of tree.topDown) {
    const subtree = totals.get(code);
    if (subtree !== undefined) {
      // fromEntries defines own properties, so even an odd code like "__proto__" stays a plain key.
      result.set(code, Object.fromEntries(subtree));
    }
  }
  return result;
}

function addInto(target: Map<string, Counts>, counts: Iterable<[string, Counts]>): void {
  for (const [indicator, { numerator, denominator }] of counts) {
    const sum = target.get(indicator);
    target.set(
      indicator,
      sum === undefined
        ? { numerator, denominator }
        : { numerator: sum.numerator + numerator, denominator: sum.denominator + denominator },
    );
  }
}
