import { Injectable } from '@nestjs/common';
import { type AgencyTree, buildAgencyTree, subtreeOf } from '@scorecard/scoring';
import { type AgencyEntity, AgencyRepository } from '@scorecard/server-database';

interface Directory {
  byCode: Map<string, AgencyEntity>;
  tree: AgencyTree;
}

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
    }));
    this.cache.catch(() => (this.cache = null));
    return this.cache;
  }
}
