import { Injectable } from '@nestjs/common';
import { withinCallersProvince } from '@scorecard/access';
import type { RankingsDto } from '@scorecard/contracts';
import type { ReportingWindow } from '@scorecard/scoring';
import { RectificationRepository } from '@scorecard/server-database';
import { AgencyDirectory } from '../common/agency-directory.service';
import { InvalidInputError, OutOfScopeError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { WindowResultsService } from '../windows/window-results.service';
import { toWindowIndicatorResults } from '../windows/window-row.mapper';
import { orderRankingRows } from './ranking-row.mapper';
import type { RankingsQuery } from './rankings.query';

/**
 * The league table of a quarter, half-year or year: published months only, so it reads the same
 * for every caller (as a published month does) and is always "published".
 */
@Injectable()
export class WindowRankingsService {
  constructor(
    private readonly windows: WindowResultsService,
    private readonly agencies: AgencyDirectory,
    private readonly rectifications: RectificationRepository,
  ) {}

  async ranking(
    caller: AuthenticatedUser,
    window: ReportingWindow,
    query: RankingsQuery,
  ): Promise<RankingsDto> {
    // A window has no versions of its own: it always sums each month's latest published version.
    if (query.version !== undefined) {
      throw new InvalidInputError([
        { field: 'version', key: 'validation.windowVersion', params: { field: 'version' } },
      ]);
    }
    const level = query.level ?? 'city';
    const scope = query.scope ?? 'aggregate';
    const province = (await this.agencies.provinces()).get(caller.agencyCode);
    const {
      window: covers,
      scheme,
      results,
    } = await this.windows.of(window, level, scope, province);
    const withinParent = query.parent !== undefined;
    const table = await this.agencies.leagueTable(caller, level, query.parent);
    // Published months only, but in a national tree still never another province's.
    const tree = await this.agencies.tree();
    if (!table.codes.every((code) => withinCallersProvince(caller, code, tree))) {
      throw OutOfScopeError.denied('results.read_draft');
    }
    const listedCodes = new Set(table.codes);
    const listed = [];
    for (const result of results) {
      const agency = listedCodes.has(result.code) ? await this.agencies.find(result.code) : null;
      if (agency) listed.push({ result, agency });
    }
    const rankOf = (result: (typeof results)[number]) =>
      withinParent
        ? { rank: result.rankInParent, rankChange: result.rankChangeInParent }
        : table.acrossNation
          ? { rank: result.rankInNation, rankChange: result.rankChangeInNation }
          : { rank: result.rankInLevel, rankChange: result.rankChangeInLevel };
    const counts = await this.rectifications.countsByAgency(
      listed.map(({ agency }) => agency.code),
    );
    return {
      period: window.period,
      status: 'published',
      level,
      parent: query.parent ?? null,
      scope,
      version: null,
      publishedAt: null,
      computedAt: null,
      stale: false,
      scheme: scheme ? { year: scheme.year, version: scheme.version } : null,
      window: covers,
      rows: orderRankingRows(
        listed.map(({ result, agency }) => ({
          ...rankOf(result),
          agencyCode: agency.code,
          name: agency.name,
          level: agency.level,
          parentCode: agency.parentCode,
          score: result.evaluation?.composite?.rounded ?? null,
          grade: result.evaluation?.grade ?? null,
          reported: result.reported,
          indicators: toWindowIndicatorResults(result.evaluation),
          rectifications: counts.get(agency.code) ?? { open: 0, overdue: 0 },
        })),
      ),
    };
  }
}
