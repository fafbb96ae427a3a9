import { Injectable } from '@nestjs/common';
import type { FeedbackIndicatorDto, FeedbackSheetDto } from '@scorecard/contracts';
import { bulletinIssuer, subtotalDimensions, targetGap } from '@scorecard/scoring';
import {
  BadReviewRepository,
  ResultRepository,
  SchemeRepository,
} from '@scorecard/server-database';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';
import { RectificationsService } from '../rectifications/rectifications.service';
import { WarningsService } from '../warnings/warnings.service';
import { toAgencyRanks } from '../agencies/result-ranks.mapper';

/**
 * The feedback sheet (反馈单) of an agency's published month: its result as last published, every
 * indicator short of its target with the exact gap, its rectification items of the month, its
 * bad reviews still to handle and its warnings — each read from the service that answers it
 * elsewhere, so the sheet says what the other pages say.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly agencies: AgencyDirectory,
    private readonly policy: AccessPolicy,
    private readonly months: PeriodLookupService,
    private readonly results: ResultRepository,
    private readonly schemes: SchemeRepository,
    private readonly badReviews: BadReviewRepository,
    private readonly rectifications: RectificationsService,
    private readonly warnings: WarningsService,
  ) {}

  async sheet(caller: AuthenticatedUser, code: string, period: string): Promise<FeedbackSheetDto> {
    await this.policy.assert(caller, 'feedback.read', code);
    const agency = await this.agencies.find(code);
    if (!agency) throw new NotFoundError('agency.notFound', { code });
    // In a national tree, the agency's province part decides whether there is a sheet yet.
    const month = await this.months.seenBy(period, { agencyCode: code });
    // The sheet follows publication: a month never published has none; one being corrected
    // keeps its last published version until it is published again.
    if (month.publishedVersion === 0)
      throw new NotFoundError('feedback.notPublished', { code, period });
    const version = month.publishedVersion;
    const result = await this.results.find(period, code, 'aggregate', version);
    if (!result) throw new NotFoundError('results.notYet', { code, period });
    const scheme =
      result.schemeYear !== null && result.schemeVersion !== null
        ? await this.schemes.findVersion(result.schemeYear, result.schemeVersion)
        : await this.schemes.findInForce(period);
    const indicators = scheme?.indicators ?? [];

    const belowTarget: FeedbackIndicatorDto[] = [];
    for (const indicator of indicators) {
      const figures = result.indicators[indicator.code];
      if (!figures || figures.rate === null) continue;
      const gap = targetGap({
        numerator: figures.numerator,
        denominator: figures.denominator,
        target: indicator.target,
      });
      if (gap === null) continue;
      belowTarget.push({
        code: indicator.code,
        nameZh: indicator.nameZh,
        nameEn: indicator.nameEn,
        numerator: figures.numerator,
        denominator: figures.denominator,
        monetary: indicator.monetary,
        rate: figures.rate,
        target: Number(indicator.target),
        floor: Number(indicator.floor),
        gap,
        score: figures.score,
        atFloor: figures.score === 0,
      });
    }
    belowTarget.sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code));

    const all = await this.agencies.all();
    const parent = agency.parentCode === null ? null : await this.agencies.find(agency.parentCode);
    const [rectifications, warnings, badReviews] = await Promise.all([
      this.rectifications.list(caller, { period, agencyCode: code }),
      this.warnings.list(caller, period, code),
      this.badReviews.countsByAgency([code]),
    ]);
    const hasDimensions = indicators.some((indicator) => indicator.dimension !== '');
    return {
      ...bulletinIssuer(all.filter((entry) => entry.parentCode === null)),
      agency: {
        code,
        name: agency.name,
        level: agency.level,
        parentCode: agency.parentCode,
        parentName: parent?.name ?? null,
      },
      period,
      version,
      publishedAt: month.publishedAt ? month.publishedAt.toISOString() : null,
      reported: result.reported,
      score: result.score === null ? null : Number(result.score),
      grade: result.grade,
      ranks: toAgencyRanks(result),
      dimensions: hasDimensions
        ? subtotalDimensions(
            indicators.map((indicator) => ({
              dimension: indicator.dimension,
              weight: Number(indicator.weight),
              score: result.indicators[indicator.code]?.score ?? null,
            })),
          )
        : [],
      scheme: scheme ? { year: scheme.year, version: scheme.version } : null,
      belowTarget,
      rectifications,
      badReviews: badReviews.get(code) ?? { open: 0, overdue: 0 },
      warnings,
    };
  }
}
