import { Injectable } from '@nestjs/common';
import { withinCallersProvince } from '@scorecard/access';
import type { ScorecardDto, Scope } from '@scorecard/contracts';
import { type ReportingWindow, Ratio, shiftPeriod, subtotalDimensions } from '@scorecard/scoring';
import { RectificationRepository, ResultRepository } from '@scorecard/server-database';
import { AgencyDirectory } from '../common/agency-directory.service';
import { NotFoundError, OutOfScopeError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { WindowResultsService } from '../windows/window-results.service';
import { toWindowIndicatorResults } from '../windows/window-row.mapper';
import { toAgencyRanks } from './result-ranks.mapper';
import { compareIndicator, twelveMonthTrend } from './scorecard-parts';

/**
 * One agency's quarter, half-year or year: its summed figures scored as a month is, its ranks in the
 * window, and per indicator the gap to the target, to the level's best and to the level's average
 * (a ratio of sums). Published months only, so it reads the same for every caller.
 */
@Injectable()
export class WindowScorecardService {
  constructor(
    private readonly agencies: AgencyDirectory,
    private readonly windows: WindowResultsService,
    private readonly results: ResultRepository,
    private readonly rectifications: RectificationRepository,
  ) {}

  async scorecard(
    caller: AuthenticatedUser,
    code: string,
    window: ReportingWindow,
    scope: Scope,
  ): Promise<ScorecardDto> {
    const agency = await this.agencies.find(code);
    if (!agency) throw new NotFoundError('agency.notFound', { code });
    // Published months only, but in a national tree still never another province's.
    if (!withinCallersProvince(caller, code, await this.agencies.tree()))
      throw OutOfScopeError.denied('results.read_draft');
    const province = (await this.agencies.provinces()).get(code);
    const {
      window: covers,
      scheme,
      results,
    } = await this.windows.of(window, agency.level, scope, province);
    const own = results.find((result) => result.code === code);
    if (!own) throw new NotFoundError('results.notYet', { code, period: window.period });
    // Peers are the agency's level inside its province, as for a month.
    const provinces = await this.agencies.provinces();
    const peers = results.filter(
      (result) => result.reported && provinces.get(result.code) === provinces.get(code),
    );
    const figures = toWindowIndicatorResults(own.evaluation);

    const indicators = (scheme?.indicators ?? []).map((indicator) => {
      const peerFigures = peers.map((peer) =>
        peer.evaluation?.indicators.find((item) => item.code === indicator.code),
      );
      let numerator = 0n;
      let denominator = 0n;
      for (const item of peerFigures) {
        numerator += item?.numerator ?? 0n;
        denominator += item?.denominator ?? 0n;
      }
      return compareIndicator(indicator, figures[indicator.code], {
        rates: peerFigures.flatMap((item) => (item?.rate ? [item.rate.toNumber()] : [])),
        average: denominator === 0n ? null : Ratio.of(numerator, denominator).toNumber(),
      });
    });

    const last = window.months[window.months.length - 1];
    const history = await this.results.history(code, scope, shiftPeriod(last, -11), last, {
      publishedOnly: true,
    });
    const trend = twelveMonthTrend(last, history);

    return {
      period: window.period,
      agencyCode: code,
      name: agency.name,
      level: agency.level,
      parentCode: agency.parentCode,
      scope,
      reported: own.reported,
      published: true,
      score: own.evaluation?.composite?.rounded ?? null,
      grade: own.evaluation?.grade ?? null,
      ranks: toAgencyRanks(own),
      indicators,
      dimensions: subtotalDimensions(
        (scheme?.indicators ?? []).map((indicator, index) => ({
          dimension: indicator.dimension,
          weight: Number(indicator.weight),
          score: indicators[index].score,
        })),
      ),
      scheme: scheme ? { year: scheme.year, version: scheme.version } : null,
      trend,
      rectifications: (await this.rectifications.countsByAgency([code])).get(code) ?? {
        open: 0,
        overdue: 0,
      },
      window: covers,
    };
  }
}
