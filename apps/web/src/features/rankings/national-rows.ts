import { provinceInNation } from '@scorecard/access';
import type { AgencyDto, RankingRowDto } from '@scorecard/contracts';
import type { AgencyTree } from '@scorecard/scoring';

/** What narrows the nation's table of cities or counties: one province, and in it one city. */
export interface NationalNarrowing {
  province: string | null;
  city: string | null;
}

/**
 * The rows of a national table that lie in the chosen province (and city). The rows keep their
 * national ranks: narrowing shows where a province's agencies stand in the country.
 */
export function narrowNationalRows(
  rows: readonly RankingRowDto[],
  { province, city }: NationalNarrowing,
  tree: AgencyTree,
): readonly RankingRowDto[] {
  if (!province && !city) return rows;
  return rows.filter(
    (row) =>
      (!city || row.parentCode === city) &&
      (!province || provinceInNation(tree, row.agencyCode) === province),
  );
}

/**
 * Where an agency lies, named from its province down to its parent ("浙江省 · 杭州市" for a
 * county, "浙江省" for a city); empty for a province and for an agency not in the tree.
 */
export function regionName(
  code: string,
  byCode: ReadonlyMap<string, Pick<AgencyDto, 'name' | 'level' | 'parentCode'>>,
): string {
  const names: string[] = [];
  let parent = byCode.get(code)?.parentCode ?? null;
  while (parent !== null) {
    const agency = byCode.get(parent);
    if (!agency || agency.level === 'nation') break;
    names.unshift(agency.name);
    parent = agency.parentCode;
  }
  return names.join(' · ');
}
