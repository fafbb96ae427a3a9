import type { AgencyTree } from '@scorecard/scoring';
import { provinceInNation } from './national-scope';
import { hasPermission, reaches } from './reach';
import type { Caller } from './roles';

/**
 * Which part of a month a lock, publication or reopening acts on.
 * - `month`: a province's own deployment, where the province's single part is the month;
 * - `part`: one province's part of a national month;
 * - `nation`: the national month itself (the national admin naming no province);
 * - `denied`: a province the caller may not manage (another province's part);
 * - `unknown`: a named code that is not a province of the tree.
 */
export type MonthPartTarget =
  | { kind: 'month' }
  | { kind: 'part'; province: string }
  | { kind: 'nation' }
  | { kind: 'denied' }
  | { kind: 'unknown' };

/**
 * The one rule for who acts on which part of a month: a province's admins on their province's
 * part only; the national admin on any province's part it names, or on the national month when it
 * names none. `named` is a province's agency code (`440000`).
 */
export function monthPartTarget(caller: Caller, tree: AgencyTree, named?: string): MonthPartTarget {
  if (!hasPermission(caller, 'period.manage')) return { kind: 'denied' };
  const root = [...tree.byCode.values()].find((agency) => agency.parentCode === null);
  if (root?.level !== 'nation') {
    // One province: naming it (or nothing) is the month; naming anything else is not the caller's.
    if (named === undefined || named === root?.code) return { kind: 'month' };
    return tree.byCode.has(named) ? { kind: 'denied' } : { kind: 'unknown' };
  }
  const target = named ?? provinceInNation(tree, caller.agencyCode);
  if (target === null) return { kind: 'nation' };
  if (provinceInNation(tree, target) !== target) return { kind: 'unknown' };
  return reaches(caller, 'period.manage', target, tree)
    ? { kind: 'part', province: target }
    : { kind: 'denied' };
}

/**
 * Whether the caller may read the state of `province`'s part of a month (its status and counts):
 * anyone inside that province, and the nation's own users.
 */
export function mayReadMonthPart(
  caller: Pick<Caller, 'agencyCode'>,
  tree: AgencyTree,
  province: string,
): boolean {
  const own = provinceInNation(tree, caller.agencyCode);
  return own === null || own === province;
}
