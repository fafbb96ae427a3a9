import type { AgencyNode } from './agency-tree';
import { type Rankable, rankAgencies } from './rank';

/** An agency with its level: `nation` (the root of a national tree), province, city or county. */
export interface LeveledAgency extends AgencyNode {
  level: string;
}

/** The keys of the groups an agency is ranked in; agencies with the same key rank together. */
export interface RankGroups {
  /** Same level, same parent (the counties of one city). */
  inParent: string;
  /** Same level inside the agency's province (every county of the province; all its cities). */
  inLevel: string;
  /** Same level across the country; null when the tree has no `nation` root (one province). */
  inNation: string | null;
}

/**
 * Where each agency is ranked. Within level means inside the agency's province — its ancestor at
 * level `province`, or its root when it has none — so a national tree ranks Zhejiang's counties
 * among themselves exactly as a Zhejiang-only tree does. Only a tree rooted at `nation` ranks
 * nationally as well: a province's own deployment has no national rank to show (null), rather
 * than a copy of its level rank that would claim a comparison nobody made.
 */
export function rankGroupsOf(agencies: readonly LeveledAgency[]): Map<string, RankGroups> {
  const national = hasNationRoot(agencies);
  const provinceOf = provincesOf(agencies);
  const groups = new Map<string, RankGroups>();
  for (const agency of agencies) {
    groups.set(agency.code, {
      inParent: `${agency.level}/${agency.parentCode ?? ''}`,
      inLevel: `${agency.level}/${provinceOf.get(agency.code)}`,
      inNation: national ? agency.level : null,
    });
  }
  return groups;
}

/** Whether the tree is a national one: rooted at an agency of level `nation`. */
export function hasNationRoot(agencies: readonly LeveledAgency[]): boolean {
  return agencies.some((agency) => agency.level === 'nation' && agency.parentCode === null);
}

/**
 * Each agency's province: its ancestor (or itself) at level `province`, or its root when it has
 * none (the nation root is its own).
 */
export function provincesOf(agencies: readonly LeveledAgency[]): Map<string, string> {
  const byCode = new Map(agencies.map((agency) => [agency.code, agency]));
  const provinces = new Map<string, string>();
  const provinceOf = (agency: LeveledAgency): string => {
    const known = provinces.get(agency.code);
    if (known !== undefined) return known;
    const parent = agency.parentCode === null ? undefined : byCode.get(agency.parentCode);
    const province =
      agency.level === 'province' || !parent || parent.level === 'nation'
        ? agency.code
        : provinceOf(parent);
    provinces.set(agency.code, province);
    return province;
  };
  for (const agency of agencies) provinceOf(agency);
  return provinces;
}

/** A rank and the number of ranked agencies in its group ("rank N of M"). */
export interface GroupRank {
  /** null when not reported (未报送). */
  rank: number | null;
  /** Ranked agencies of the group: M never counts those that did not report. */
  of: number;
}

/**
 * Ranks every entry within its group (standard competition ranking, as `rankAgencies`); entries
 * whose group is null are left out of the answer.
 */
export function rankInGroups(
  entries: readonly (Rankable & { group: string | null })[],
): Map<string, GroupRank> {
  const groups = new Map<string, Rankable[]>();
  for (const { code, score, group } of entries) {
    if (group === null) continue;
    const members = groups.get(group) ?? [];
    members.push({ code, score });
    groups.set(group, members);
  }
  const ranks = new Map<string, GroupRank>();
  for (const members of groups.values()) {
    const ranked = rankAgencies(members);
    const of = ranked.filter((entry) => entry.rank !== null).length;
    for (const entry of ranked) ranks.set(entry.code, { rank: entry.rank, of });
  }
  return ranks;
}
