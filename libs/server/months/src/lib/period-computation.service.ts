import { Injectable } from '@nestjs/common';
import { periodYear, shiftPeriod } from '@scorecard/scoring';
import {
  AgencyRepository,
  PeriodRepository,
  ResultRepository,
  SchemeRepository,
  SubmissionRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import {
  calculatePeriodResults,
  toGradeThresholds,
  toSchemeIndicators,
} from './period-results.calculator';
import { loadReportedCounts } from './reported-counts.loader';

export class PeriodNotFoundError extends Error {
  constructor(readonly period: string) {
    super(`Period ${period} does not exist`);
    this.name = 'PeriodNotFoundError';
  }
}

export class SchemeNotFoundError extends Error {
  constructor(readonly year: number) {
    super(`No indicator scheme for ${year}`);
    this.name = 'SchemeNotFoundError';
  }
}

export interface PeriodComputation {
  period: string;
  revision: number;
  /** True when results of this or a later revision were already stored. */
  skipped: boolean;
  agencies: number;
  resultRows: number;
  reported: number;
}

/**
 * Computes and stores a month's results in one transaction. Holding the month's row lock keeps
 * submissions out while it reads, so the stored results match exactly the revision they record.
 * Re-running gives identical rows.
 */
@Injectable()
export class PeriodComputationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly agencyRepository: AgencyRepository,
    private readonly periods: PeriodRepository,
    private readonly schemes: SchemeRepository,
    private readonly submissions: SubmissionRepository,
    private readonly results: ResultRepository,
  ) {}

  async compute(
    period: string,
    options: { minimumRevision?: number; onProgress?: (percent: number) => Promise<void> | void } = {},
  ): Promise<PeriodComputation> {
    const progress = options.onProgress ?? (() => undefined);
    return this.transactions.run(async (manager) => {
      const month = await this.periods.findForUpdate(manager, period);
      if (!month) throw new PeriodNotFoundError(period);
      const alreadyComputed =
        month.computedRevision !== null &&
        month.computedRevision >= month.dataRevision &&
        options.minimumRevision !== undefined &&
        month.computedRevision >= options.minimumRevision;
      if (alreadyComputed) {
        const reported = await this.submissions.reportedAgencyCodes(manager, period);
        return { period, revision: month.dataRevision, skipped: true, agencies: 0, resultRows: 0, reported: reported.size };
      }
      await progress(10);

      const scheme = await this.schemes.findInForce(period, manager);
      if (!scheme) throw new SchemeNotFoundError(periodYear(period));
      const agencies = await this.agencyRepository.findAll(manager);
      const own = await loadReportedCounts(manager, this.submissions, period);
      const previousRanks = await this.results.publishedRanksOfPeriod(manager, shiftPeriod(period, -1));
      await progress(40);

      const rows = calculatePeriodResults({
        period,
        agencies: agencies.map((agency) => ({ code: agency.code, parentCode: agency.parentCode, level: agency.level })),
        scheme: toSchemeIndicators(scheme.indicators),
        grades: toGradeThresholds(scheme.grades),
        schemeVersion: { year: scheme.year, version: scheme.version },
        own,
        previousRanks,
      });
      await progress(70);

      await this.results.replaceForPeriod(manager, period, rows);
      await this.periods.markComputed(manager, period);
      await progress(100);
      return {
        period,
        revision: month.dataRevision,
        skipped: false,
        agencies: agencies.length,
        resultRows: rows.length,
        reported: own.size,
      };
    });
  }
}
