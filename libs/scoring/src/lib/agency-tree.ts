import { AgencyTreeError } from './agency-tree.error';

/** Province, city or county agency; roots (the province) have no parent. */
export interface AgencyNode {
  code: string;
  parentCode: string | null;
  /** `nation` marks the root of a national tree; the other levels may be left out. */
  level?: string;
}

export interface AgencyTree {
  byCode: ReadonlyMap<string, AgencyNode>;
  /** Children in the order the agencies were given; leaves have no entry. */
  childrenOf: ReadonlyMap<string, readonly AgencyNode[]>;
  /** Every agency, parents before children (breadth-first from the roots). */
  topDown: readonly AgencyNode[];
}

/**
 * Indexes the agencies in O(n) and checks they form a forest: codes unique, every parent known,
 * no cycle. Throws AgencyTreeError otherwise.
 */
export function buildAgencyTree(agencies: readonly AgencyNode[]): AgencyTree {
  const byCode = new Map<string, AgencyNode>();
  for (const agency of agencies) {
    if (byCode.has(agency.code)) {
      throw new AgencyTreeError(
        'duplicate_code',
        [agency.code],
        `Agency ${agency.code} is listed twice`,
      );
    }
    byCode.set(agency.code, agency);
  }

  const childrenOf = new Map<string, AgencyNode[]>();
  const roots: AgencyNode[] = [];
  for (const agency of agencies) {
    if (agency.parentCode === null) {
      roots.push(agency);
      continue;
    }
    if (!byCode.has(agency.parentCode)) {
      throw new AgencyTreeError(
        'unknown_parent',
        [agency.code, agency.parentCode],
        `Agency ${agency.code} has an unknown parent ${agency.parentCode}`,
      );
    }
    const siblings = childrenOf.get(agency.parentCode);
    if (siblings === undefined) {
      childrenOf.set(agency.parentCode, [agency]);
    } else {
      siblings.push(agency);
    }
  }

  // Breadth-first from the roots, iteratively so deep chains cannot overflow the stack.
  const topDown: AgencyNode[] = [...roots];
  for (const agency of topDown) {
    // Iterating an array while pushing to it visits the pushed items too.
    topDown.push(...(childrenOf.get(agency.code) ?? []));
  }
  if (topDown.length < agencies.length) {
    // Every parent is known, so an agency never reached from a root hangs on a cycle.
    throw cycleError({ byCode, reached: new Set(topDown.map(({ code }) => code)) });
  }
  return { byCode, childrenOf, topDown };
}

/** Codes of every agency below `code`, at any depth, excluding itself; breadth-first. */
export function descendantsOf(args: { agencies: readonly AgencyNode[]; code: string }): string[] {
  const tree = buildAgencyTree(args.agencies);
  if (!tree.byCode.has(args.code)) {
    throw new AgencyTreeError('unknown_agency', [args.code], `Unknown agency ${args.code}`);
  }
  const descendants: string[] = [];
  let level: readonly AgencyNode[] = tree.childrenOf.get(args.code) ?? [];
  while (level.length > 0) {
    descendants.push(...level.map(({ code }) => code));
    level = level.flatMap(({ code }) => tree.childrenOf.get(code) ?? []);
  }
  return descendants;
}

/** Whether `code` is `ancestorCode` itself or lies anywhere below it. Unknown codes lie nowhere. */
export function isWithin(tree: AgencyTree, code: string, ancestorCode: string): boolean {
  for (let current = tree.byCode.get(code); current; ) {
    if (current.code === ancestorCode) return true;
    current = current.parentCode === null ? undefined : tree.byCode.get(current.parentCode);
  }
  return false;
}

/**
 * `code` and every agency below it, depth-first with each agency's children in code order: the
 * order pickers list a subtree in (杭州市, 上城区, 拱墅区, …, 宁波市, …). Empty for an unknown code.
 */
export function subtreeOf(tree: AgencyTree, code: string): string[] {
  if (!tree.byCode.has(code)) return [];
  const result: string[] = [];
  const pending = [code];
  while (pending.length > 0) {
    const next = pending.pop() as string;
    result.push(next);
    const children = (tree.childrenOf.get(next) ?? []).map((child) => child.code).sort();
    // Pushed in reverse so the smallest code is taken first.
    pending.push(...children.reverse());
  }
  return result;
}

function cycleError(args: {
  byCode: ReadonlyMap<string, AgencyNode>;
  reached: ReadonlySet<string>;
}): AgencyTreeError {
  const start = [...args.byCode.values()].find(({ code }) => !args.reached.has(code));
  // Follow parents from an unreached agency until a code repeats: the repeat closes the cycle.
  const path: string[] = [];
  const positions = new Map<string, number>();
  let code = start?.code ?? null;
  while (code !== null && !positions.has(code)) {
    positions.set(code, path.length);
    path.push(code);
    code = args.byCode.get(code)?.parentCode ?? null;
  }
  const cycle = code === null ? path : path.slice(positions.get(code));
  const shown = code === null ? cycle : [...cycle, code];
  return new AgencyTreeError('cycle', cycle, `Agency tree has a cycle: ${shown.join(' → ')}`);
}
