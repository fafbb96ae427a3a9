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

/**
 * Whose results a province-scoped reader (the honour roll) answers.
 * - `tree`: a province's own deployment, where the tree is the one province;
 * - `province`: one province of a national tree;
 * - `nation`: the nation's own users naming no province (the provinces compared);
 * - `denied`: another province than the caller's;
 * - `unknown`: a named code that is not a province of the tree.
 */
export type ProvinceReadTarget =
  | { kind: 'tree' }
  | { kind: 'province'; province: string }
  | { kind: 'nation' }
  | { kind: 'denied'; province: string }
  | { kind: 'unknown' };

/**
 * The one rule for which province a reader answers: a province's users read their own province
 * (named or not); the nation's users read any province they name, or the provinces compared when
 * they name none. `named` is a province's agency code (`440000`) or its two digits (`44`), as
 * `GET /periods?province=` takes it.
 */
export function provinceToRead(
  caller: Pick<Caller, 'agencyCode'>,
  tree: AgencyTree,
  named?: string,
): ProvinceReadTarget {
  const code = named !== undefined && /^[0-9]{2}$/.test(named) ? `${named}0000` : named;
  const root = [...tree.byCode.values()].find((agency) => agency.parentCode === null);
  if (root?.level !== 'nation') {
    // One province: naming it (or nothing) is the whole tree.
    return code === undefined || code === root?.code ? { kind: 'tree' } : { kind: 'unknown' };
  }
  const target = code ?? provinceInNation(tree, caller.agencyCode);
  if (target === null) return { kind: 'nation' };
  if (provinceInNation(tree, target) !== target) return { kind: 'unknown' };
  return mayReadMonthPart(caller, tree, target)
    ? { kind: 'province', province: target }
    : { kind: 'denied', province: target };
}
