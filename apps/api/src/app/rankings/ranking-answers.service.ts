import { Injectable } from '@nestjs/common';
import type { PeriodEntity } from '@scorecard/server-database';
import { AgencyDirectory } from '../common/agency-directory.service';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';
import { EncodedAnswer } from './encoded-answer';
import { RankingAnswerCache } from './ranking-answer.cache';
import type { RankingsQuery } from './rankings.query';
import { RankingsService } from './rankings.service';

const MONTH = /^[0-9]{4}-[0-9]{2}$/;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
/** Distinct callers' decisions kept per table; past it they are all decided again. */
const MAX_DECISIONS = 1_000;

/**
 * What determines a month's league table, whoever asks: the month, what the table covers for the
 * caller (in a national tree a level table is the caller's province, or the whole country for the
 * nation's users), every parameter of the
 * request (level, parent, scope, and whatever a later parameter may add: all of them are in the
 * key, so none can be forgotten), the version shown (a published snapshot, or the draft at its
 * computed revision: the stored results record the scheme version that produced them, so the
 * revision stands for the scheme too), the month's status, and the day in Asia/Shanghai (the rows
 * count overdue rectification items, which become overdue as days pass). The rectification counts
 * and the agencies' names change with their tables, which drop every kept answer when they do
 * (see RankingAnswerCache).
 */
export function rankingAnswerKey(input: {
  month: PeriodEntity;
  query: RankingsQuery;
  /** What the table covers for this caller (a national tree's level table is the caller's province). */
  extent: string;
  version: number | undefined;
  now: number;
}): string {
  const { month, version } = input;
  const asked = askedOf(input.query);
  const shown = version === undefined ? `draft@${month.computedRevision ?? '-'}/${month.dataRevision}` : `v${version}`;
  const day = new Date(input.now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  return [month.period, asked, input.extent, shown, month.status, day].join('|');
}

/** The parameters' part of a key, made once per query object (a validated query is reused). */
const askedParts = new WeakMap<RankingsQuery, string>();

function askedOf(query: RankingsQuery): string {
  const kept = askedParts.get(query);
  if (kept !== undefined) return kept;
  const parameters = { ...query, level: query.level ?? 'city', scope: query.scope ?? 'aggregate' };
  // The month leads the key; the version asked for is in the version shown.
  const asked = Object.entries(parameters)
    .filter(([name, value]) => value !== undefined && name !== 'period' && name !== 'version')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('&');
  // Only a query nothing can change may keep its part.
  if (Object.isFrozen(query)) askedParts.set(query, asked);
  return asked;
}

/**
 * League tables as they are sent: from memory when the table has not changed since it was last
 * built, otherwise built by RankingsService. Who may see which version is decided for every caller
 * before anything is looked up, so a kept draft is only ever sent to callers who may read it.
 * Windows (quarters, years) are built every time.
 */
@Injectable()
export class RankingAnswersService {
  /** Versions shown, by table (its agencies' array) and what else decides them (see visibleVersion). */
  private readonly versions = new WeakMap<string[], Map<string, number | undefined>>();

  constructor(
    private readonly rankings: RankingsService,
    private readonly cache: RankingAnswerCache,
    private readonly months: PeriodLookupService,
    private readonly agencies: AgencyDirectory,
  ) {}

  async answer(caller: AuthenticatedUser, query: RankingsQuery): Promise<EncodedAnswer> {
    if (!this.cache.enabled || !MONTH.test(query.period)) return EncodedAnswer.of(await this.rankings.answer(caller, query));
    // The month with its provinces' parts is kept; the caller's part decides what it is shown.
    const month = await this.months.asSeenBy(
      await this.cache.month(query.period, () => this.months.existingWithParts(query.period)),
      caller,
    );
    const table = await this.agencies.leagueTable(caller, query.level ?? 'city', query.parent);
    const version = await this.visibleVersion(caller, query, month, table.codes);
    const { extent } = table;
    const key = rankingAnswerKey({ month, query, extent, version, now: Date.now() });
    return this.cache.answer(key, async () => EncodedAnswer.of(await this.rankings.answer(caller, query)));
  }

  /**
   * RankingsService.visibleVersion, decided once for each table and everything else its rule
   * (`visibleResults` in libs/access) reads: the caller's role and agency, the month's status and
   * published version, the version asked for. A table's agencies are one array for as long as the
   * agency tree stands (AgencyDirectory.leagueTable), so a changed tree starts afresh. A refusal
   * is not kept: it goes on to the whole pipeline, which decides again.
   */
  private async visibleVersion(
    caller: AuthenticatedUser,
    query: RankingsQuery,
    month: PeriodEntity,
    tableCodes: string[],
  ): Promise<number | undefined> {
    const asked = `${caller.role}|${caller.agencyCode}|${month.status}|${month.publishedVersion}|${query.version ?? ''}`;
    let decided = this.versions.get(tableCodes);
    if (decided?.has(asked)) return decided.get(asked);
    const version = await this.rankings.visibleVersion(caller, query, month, tableCodes);
    if (!decided) this.versions.set(tableCodes, (decided = new Map()));
    if (decided.size >= MAX_DECISIONS) decided.clear();
    decided.set(asked, version);
    return version;
  }
}
