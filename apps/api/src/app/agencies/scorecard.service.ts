import { Injectable } from '@nestjs/common';
import { visibleResults } from '@scorecard/access';
import type { ScorecardDto, Scope } from '@scorecard/contracts';
import { Ratio, parseWindow, shiftPeriod, subtotalDimensions } from '@scorecard/scoring';
import { RectificationRepository, ResultRepository, SchemeRepository } from '@scorecard/server-database';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { NotFoundError, OutOfScopeError } from '../common/api.errors';
import { AgencyDirectory } from '../common/agency-directory.service';
import { PeriodLookupService } from '../common/period-lookup.service';
import { toIndicatorResults } from '../rankings/ranking-row.mapper';
import { toAgencyRanks } from './result-ranks.mapper';
import { compareIndicator, twelveMonthTrend } from './scorecard-parts';
import { WindowScorecardService } from './window-scorecard.service';

@Injectable()
export class ScorecardService {
  constructor(
    private readonly agencies: AgencyDirectory,
    private readonly results: ResultRepository,
    private readonly schemes: SchemeRepository,
    private readonly months: PeriodLookupService,
    private readonly rectifications: RectificationRepository,
    private readonly windowScorecards: WindowScorecardService,
  ) {}

  /**
   * One agency's month: score, grade, ranks, and per indicator the gap to the target, to the best
   * peer and to the peers' average (a ratio of sums over the same level), plus a 12-month trend.
   */
  async scorecard(caller: AuthenticatedUser, code: string, period: string, scope: Scope = 'aggregate'): Promise<ScorecardDto> {
    // A quarter, half-year or year sums published months: readable as a published month is.
    const window = parseWindow(period);
    if (window && window.kind !== 'month') return this.windowScorecards.scorecard(caller, code, window, scope);
    const agency = await this.agencies.find(code);
    if (!agency) throw new NotFoundError('agency.notFound', { code });
    // In a national tree, the agency's province part decides draft or published.
    const month = await this.months.seenBy(period, { agencyCode: code });
    const visible = visibleResults({ caller, month, agencies: [code], tree: await this.agencies.tree() }) ?? {
      kind: 'none',
    };
    // A month never published shows an agency its own figures only, and other agencies nothing.
    const figuresOnly = visible.kind === 'none';
    if (figuresOnly && code !== caller.agencyCode) throw OutOfScopeError.denied('results.read_draft');
    const version = visible.kind === 'published' ? visible.version : undefined;
    const result = await this.results.find(period, code, scope, version);
    if (!result) throw new NotFoundError('results.notYet', { code, period });
    // The version that produced the result, so its figures are read with the weights that made them.
    const scheme =
      result.schemeYear !== null && result.schemeVersion !== null
        ? await this.schemes.findVersion(result.schemeYear, result.schemeVersion)
        : await this.schemes.findInForce(period);
    // Peers are the agency's level inside its province (in a national tree too, as its level rank).
    const provinces = await this.agencies.provinces();
    const levelPeers = figuresOnly
      ? []
      : (await this.results.ranking({ period, level: agency.level, scope, version })).filter(
          (peer) => provinces.get(peer.agencyCode) === provinces.get(code),
        );
    // The best and the average come from the whole level: in a draft they are shown only to a
    // caller who may read that level's draft table (a city admin sees its counties' drafts, not
    // every county's, so not their best and average either).
    const peersVisible =
      visible.kind !== 'draft' ||
      visibleResults({ caller, month, agencies: levelPeers.map((peer) => peer.agencyCode), tree: await this.agencies.tree() })
        ?.kind === 'draft';
    const peers = peersVisible ? levelPeers.filter((peer) => peer.reported) : [];
    const own = toIndicatorResults(result.indicators);
    if (figuresOnly) for (const figures of Object.values(own)) figures.score = null;

    const indicators = (scheme?.indicators ?? []).map((indicator) =>
      compareIndicator(indicator, own[indicator.code], {
        rates: peers
          .map((peer) => peer.indicators[indicator.code]?.rate)
          .filter((rate): rate is number => rate !== null && rate !== undefined),
        average: ratioOfSums(peers.map((peer) => peer.indicators[indicator.code])),
      }),
    );

    const history = await this.results.history(code, scope, shiftPeriod(period, -11), period, {
      publishedOnly: visible.kind !== 'draft',
    });
    const trend = twelveMonthTrend(period, history);

    return {
      period,
      agencyCode: code,
      name: agency.name,
      level: agency.level,
      parentCode: agency.parentCode,
      scope,
      reported: result.reported,
      published: visible.kind === 'published',
      score: figuresOnly || result.score === null ? null : Number(result.score),
      grade: figuresOnly ? null : result.grade,
      ranks: toAgencyRanks(result, figuresOnly),
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
      rectifications: (await this.rectifications.countsByAgency([code])).get(code) ?? { open: 0, overdue: 0 },
    };
  }
}

/** Σ numerators / Σ denominators, exactly, over the peers that have the indicator. */
function ratioOfSums(figures: ({ numerator: string; denominator: string } | undefined)[]): number | null {
  let numerator = 0n;
  let denominator = 0n;
  for (const figure of figures) {
    if (!figure) continue;
    numerator += toCents(figure.numerator);
    denominator += toCents(figure.denominator);
  }
  return denominator === 0n ? null : Ratio.of(numerator, denominator).toNumber();
}

function toCents(text: string): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
}
