import { Injectable } from '@nestjs/common';
import type { AgencyLevel, SchemePreviewDto } from '@scorecard/contracts';
import { Ratio, type SchemeBody } from '@scorecard/scoring';
import {
  AgencyRepository,
  PeriodRepository,
  ResultRepository,
  SubmissionRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import {
  calculatePeriodResults,
  loadReportedCounts,
  toGradeThresholds,
} from '@scorecard/server-months';

const LEVELS: AgencyLevel[] = ['province', 'city', 'county'];

/**
 * A draft scheme applied to the last published month: each agency's composite and rank within its
 * level (全市 aggregate, as the league tables rank) by the very calculation a month's computation
 * runs, next to the published ones. Reads only.
 */
@Injectable()
export class SchemePreviewService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly periods: PeriodRepository,
    private readonly agencies: AgencyRepository,
    private readonly submissions: SubmissionRepository,
    private readonly results: ResultRepository,
  ) {}

  async preview(draft: SchemeBody): Promise<SchemePreviewDto> {
    return this.transactions.run(async (manager) => {
      const month = await this.periods.lastPublished(manager);
      if (!month) return { period: null, rows: [] };
      const period = month.period;
      const agencies = await this.agencies.findAll(manager);
      const own = await loadReportedCounts(manager, this.submissions, period);
      const drafted = calculatePeriodResults({
        period,
        agencies: agencies.map((agency) => ({
          code: agency.code,
          parentCode: agency.parentCode,
          level: agency.level,
        })),
        scheme: draft.indicators.map((indicator) => ({
          code: indicator.code,
          weight: indicator.weight,
          target: Ratio.fromDecimal(String(indicator.target)),
          floor: Ratio.fromDecimal(String(indicator.floor)),
        })),
        grades: toGradeThresholds(draft.grades),
        schemeVersion: null,
        own,
        previousRanks: new Map(),
      }).filter((row) => row.scope === 'aggregate');
      const draftOf = new Map(drafted.map((row) => [row.agencyCode, row]));
      const published = new Map(
        (
          await Promise.all(
            LEVELS.map((level) =>
              this.results.ranking({
                period,
                level,
                scope: 'aggregate',
                version: month.publishedVersion,
              }),
            ),
          )
        )
          .flat()
          .map((row) => [row.agencyCode, row]),
      );
      return {
        period,
        rows: agencies.map((agency) => {
          const now = published.get(agency.code);
          const next = draftOf.get(agency.code);
          return {
            agencyCode: agency.code,
            name: agency.name,
            level: agency.level,
            parentCode: agency.parentCode,
            score: now?.score == null ? null : Number(now.score),
            rank: now?.rankInLevel ?? null,
            draftScore: next?.score == null ? null : Number(next.score),
            draftRank: next?.rankInLevel ?? null,
          };
        }),
      };
    });
  }
}
