import { Injectable } from '@nestjs/common';
import {
  type AgencyTree,
  buildAgencyTree,
  hasNationRoot,
  provincesOf,
  subtreeOf,
} from '@scorecard/scoring';
import { type AgencyEntity, AgencyRepository } from '@scorecard/server-database';

interface Directory {
  byCode: Map<string, AgencyEntity>;
  tree: AgencyTree;
  /** Each agency's province (the nation root is its own). */
  provinces: Map<string, string>;
  national: boolean;
  /** League tables' agencies already chosen, by caller's agency, level and parent. */
  leagueTables: Map<string, LeagueTable>;
}

interface LeagueTable {
  /** Shared by every caller of the same table: read, never changed (frozen). */
  codes: string[];
  acrossNation: boolean;
  extent: string;
}

/** Distinct league tables whose agencies are kept chosen; past it they are all chosen again. */
const MAX_LEAGUE_TABLES = 10_000;

/**
 * The agency tree held in memory (a few thousand rows nationally, rarely changed), for scope
 * checks and lookups without a query per request.
 */
@Injectable()
export class AgencyDirectory {
  private cache: Promise<Directory> | null = null;

  constructor(private readonly agencies: AgencyRepository) {}

  async all(): Promise<AgencyEntity[]> {
    return [...(await this.load()).byCode.values()];
  }

  async find(code: string): Promise<AgencyEntity | null> {
    return (await this.load()).byCode.get(code) ?? null;
  }

  async tree(): Promise<AgencyTree> {
    return (await this.load()).tree;
  }

  /** Whether the tree is rooted at the nation (`000000 全国`) above its provinces. */
  async isNational(): Promise<boolean> {
    return (await this.load()).national;
  }

  /** Each agency's province by code (a province and the nation root are their own). */
  async provinces(): Promise<ReadonlyMap<string, string>> {
    return (await this.load()).provinces;
  }

  /**
   * The agencies a league table lists: every agency of the level, or those under `parent`. In a
   * national tree a level table without a parent is the whole country for the nation's own users
   * (`acrossNation`, ranked nationally) and the caller's province for everyone else.
   */
  async leagueTable(caller: { agencyCode: string }, level: string, parent: string | undefined): Promise<LeagueTable> {
    const directory = await this.load();
    // Chosen once per tree: the tree is read again (and these with it) whenever an agency changes.
    const key = `${caller.agencyCode}|${level}|${parent ?? ''}`;
    const kept = directory.leagueTables.get(key);
    if (kept) return kept;
    const table = chooseLeagueTable(directory, caller, level, parent);
    if (directory.leagueTables.size >= MAX_LEAGUE_TABLES) directory.leagueTables.clear();
    directory.leagueTables.set(key, table);
    return table;
  }

  /** The agency's name, or its code when the tree does not hold it. */
  async nameOf(code: string): Promise<string> {
    return (await this.find(code))?.name ?? code;
  }

  /** The agency and all its descendants. */
  async subtree(code: string): Promise<string[]> {
    return subtreeOf(await this.tree(), code);
  }

  invalidate(): void {
    this.cache = null;
  }

  private load(): Promise<Directory> {
    this.cache ??= this.agencies.findAll().then((rows) => ({
      byCode: new Map(rows.map((row) => [row.code, row])),
      tree: buildAgencyTree(rows),
      provinces: provincesOf(rows),
      national: hasNationRoot(rows),
      leagueTables: new Map(),
    }));
    this.cache.catch(() => (this.cache = null));
    return this.cache;
  }
}

/**
 * The agencies a league table lists (see AgencyDirectory.leagueTable), chosen from the tree.
 */
function chooseLeagueTable(
  directory: Directory,
  caller: { agencyCode: string },
  level: string,
  parent: string | undefined,
): LeagueTable {
  const { national, provinces, byCode } = directory;
  const wholeLevel = parent === undefined && national;
  const acrossNation = wholeLevel && byCode.get(caller.agencyCode)?.level === 'nation';
  const province =
    wholeLevel && !acrossNation ? (provinces.get(caller.agencyCode) ?? null) : null;
  const codes = [...byCode.values()]
    .filter(
      (agency) =>
        agency.level === level &&
        (parent === undefined || agency.parentCode === parent) &&
        (province === null || provinces.get(agency.code) === province),
    )
    .map((agency) => agency.code);
  // What the table covers beyond the request: the whole country, one province, or what was asked.
  const extent = acrossNation ? 'nation' : (province ?? '*');
  return { codes: Object.freeze(codes) as string[], acrossNation, extent };
}
