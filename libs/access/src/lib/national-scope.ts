import type { AgencyTree } from '@scorecard/scoring';
import type { Caller } from './roles';

/**
 * The province `code` lies in when the tree is national (rooted at an agency of level `nation`):
 * the ancestor right below the root, or `code` itself for a province. null for the root, for an
 * unknown code, and in a province's own tree (where everything is one province).
 */
export function provinceInNation(tree: AgencyTree, code: string): string | null {
  let current = tree.byCode.get(code);
  let below: string | null = null;
  while (current && current.parentCode !== null) {
    below = current.code;
    current = tree.byCode.get(current.parentCode);
  }
  return current?.level === 'nation' ? below : null;
}

/**
 * Whether `code` lies inside the caller's province. A national tree is many provinces under one
 * root: a user inside one never sees another's agencies — not its published results either —
 * while the nation's own users see every province. In a province's own tree this always holds.
 */
export function withinCallersProvince(
  caller: Pick<Caller, 'agencyCode'>,
  code: string,
  tree: AgencyTree,
): boolean {
  const callerProvince = provinceInNation(tree, caller.agencyCode);
  if (callerProvince === null) return true;
  return provinceInNation(tree, code) === callerProvince;
}
