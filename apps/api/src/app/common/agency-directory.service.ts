import { Injectable } from '@nestjs/common';
import { type AgencyEntity, AgencyRepository } from '@scorecard/server-database';

/**
 * The agency tree held in memory (a few thousand rows nationally, rarely changed), for scope
 * checks and lookups without a query per request.
 */
@Injectable()
export class AgencyDirectory {
  private cache: Promise<Map<string, AgencyEntity>> | null = null;

  constructor(private readonly agencies: AgencyRepository) {}

  async all(): Promise<AgencyEntity[]> {
    return [...(await this.load()).values()];
  }

  async find(code: string): Promise<AgencyEntity | null> {
    return (await this.load()).get(code) ?? null;
  }

  /** Whether `code` is `ancestorCode` or lies below it. */
  async isWithin(code: string, ancestorCode: string): Promise<boolean> {
    const byCode = await this.load();
    for (let current = byCode.get(code); current; current = current.parentCode ? byCode.get(current.parentCode) : undefined) {
      if (current.code === ancestorCode) return true;
    }
    return false;
  }

  /** The agency and all its descendants. */
  async subtree(code: string): Promise<string[]> {
    const byCode = await this.load();
    const children = new Map<string, string[]>();
    for (const agency of byCode.values()) {
      if (agency.parentCode) children.set(agency.parentCode, [...(children.get(agency.parentCode) ?? []), agency.code]);
    }
    const result: string[] = [];
    const pending = byCode.has(code) ? [code] : [];
    while (pending.length > 0) {
      const next = pending.pop() as string;
      result.push(next);
      pending.push(...(children.get(next) ?? []));
    }
    return result;
  }

  invalidate(): void {
    this.cache = null;
  }

  private load(): Promise<Map<string, AgencyEntity>> {
    this.cache ??= this.agencies.findAll().then((rows) => new Map(rows.map((row) => [row.code, row])));
    this.cache.catch(() => (this.cache = null));
    return this.cache;
  }
}
