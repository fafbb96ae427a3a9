import { Injectable } from '@nestjs/common';
import { visibleResults } from '@scorecard/access';
import type { RankingsDto, RankingTableDto } from '@scorecard/contracts';
import { bulletinIssuer, parseWindow } from '@scorecard/scoring';
import {
  type PeriodEntity,
  PeriodLifecycleRepository,
  RectificationRepository,
  ResultRepository,
  SchemeRepository,
} from '@scorecard/server-database';
import { toIndicatorDto } from '../indicators/indicator.mapper';
import { buildRankingWorkbook } from './ranking-workbook';
import { AgencyDirectory } from '../common/agency-directory.service';
import { NotFoundError, OutOfScopeError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';
import { orderRankingRows, toRankingRow, toRankingTable } from './ranking-row.mapper';
import type { RankingsQuery } from './rankings.query';
import { WindowRankingsService } from './window-rankings.service';

@Injectable()
export class RankingsService {
  constructor(
    private readonly months: PeriodLookupService,
    private readonly results: ResultRepository,
    private readonly schemes: SchemeRepository,
    private readonly lifecycle: PeriodLifecycleRepository,
    private readonly agencies: AgencyDirectory,
    private readonly rectifications: RectificationRepository,
    private readonly windowRankings: WindowRankingsService,
  ) {}

  /** The answer of `GET /rankings`, whole or compact as the query asks (`view`). */
  async answer(caller: AuthenticatedUser, query: RankingsQuery): Promise<RankingsDto | RankingTableDto> {
    const ranking = await this.ranking(caller, query);
    return query.view === 'table' ? toRankingTable(ranking) : ranking;
  }

  /** Served from the stored results of the last computation, never recomputed per request. */
  async ranking(caller: AuthenticatedUser, query: RankingsQuery): Promise<RankingsDto> {
    // A quarter, half-year or year sums published months: readable as a published month is.
    const window = parseWindow(query.period);
    if (window && window.kind !== 'month') return this.windowRankings.ranking(caller, window, query);
    // In a national tree, the caller's province part decides draft or published.
    const month = await this.months.seenBy(query.period, caller);
    const level = query.level ?? 'city';
    const table = await this.agencies.leagueTable(caller, level, query.parent);
    const version = await this.visibleVersion(caller, query, month, table.codes);
    const scope = query.scope ?? 'aggregate';
    const listed = new Set(table.codes);
    const records = (await this.results.ranking({ period: query.period, level, scope, parent: query.parent, version })).filter(
      (record) => listed.has(record.agencyCode),
    );
    // Rectification items outstanding per agency (all months), beside the row, in one grouped query.
    const counts = await this.rectifications.countsByAgency(records.map((record) => record.agencyCode));
    const produced = records.find((record) => record.schemeYear !== null && record.schemeVersion !== null);
    return {
      period: month.period,
      status: month.status,
      level,
      parent: query.parent ?? null,
      scope,
      version: version ?? null,
      publishedAt: version === undefined ? null : await this.publishedAt(month, version),
      computedAt: month.computedAt ? month.computedAt.toISOString() : null,
      stale: version === undefined && (month.computedRevision === null || month.computedRevision < month.dataRevision),
      scheme: produced ? { year: produced.schemeYear as number, version: produced.schemeVersion as number } : null,
      rows: orderRankingRows(records.map((record) => ({
        ...toRankingRow(record, query.parent !== undefined),
        ...(table.acrossNation ? { rank: record.rankInNation, rankChange: record.rankChangeInNation } : {}),
        rectifications: counts.get(record.agencyCode) ?? { open: 0, overdue: 0 },
      }))),
    };
  }

  /**
   * The published version of the month's table the caller is shown, or undefined for the draft;
   * 404 when the version asked for does not exist, 403 when the caller may see no version at all.
   */
  async visibleVersion(
    caller: AuthenticatedUser,
    query: RankingsQuery,
    month: { status: PeriodEntity['status']; publishedVersion: number },
    /** The table's agencies (`AgencyDirectory.leagueTable`), as the caller already chose them. */
    tableCodes: string[],
  ): Promise<number | undefined> {
    const visible = visibleResults({
      caller,
      month,
      agencies: tableCodes,
      tree: await this.agencies.tree(),
      requested: query.version,
    });
    if (!visible) throw new NotFoundError('period.noPublishedVersion', { period: query.period, version: query.version ?? 0 });
    if (visible.kind === 'none') throw OutOfScopeError.denied('results.read_draft');
    return visible.kind === 'published' ? visible.version : undefined;
  }

  /** When `version` of the month was published: its publish event, else the month's last publication. */
  private async publishedAt(
    month: { period: string; publishedVersion: number; publishedAt: Date | null },
    version: number,
  ): Promise<string | null> {
    // The month row carries its latest publication; only an older version needs the history.
    if (version === month.publishedVersion && month.publishedAt) return month.publishedAt.toISOString();
    const events = await this.lifecycle.events(month.period);
    const published = events.filter((event) => event.action === 'publish' && event.version === version).at(-1);
    return published ? published.at.toISOString() : null;
  }

  async exportWorkbook(caller: AuthenticatedUser, query: RankingsQuery): Promise<{ fileName: string; content: Buffer }> {
    const ranking = await this.ranking(caller, query);
    const scheme = ranking.scheme
      ? await this.schemes.findVersion(ranking.scheme.year, ranking.scheme.version)
      : await this.schemes.findInForce(query.period);
    const indicators = (scheme?.indicators ?? []).map(toIndicatorDto);
    const levelName = ranking.level === 'city' ? '地市' : ranking.level === 'county' ? '区县' : '省级';
    const all = await this.agencies.all();
    const nameOf = new Map(all.map((agency) => [agency.code, agency.name]));
    return {
      fileName: `医保经办机构对标评价-${query.period}-${levelName}.xlsx`,
      content: await buildRankingWorkbook({
        ranking,
        indicators,
        ...bulletinIssuer(all.filter((agency) => agency.parentCode === null)),
        parentName: (code) => (code === null ? null : (nameOf.get(code) ?? null)),
      }),
    };
  }
}
