import { Injectable } from '@nestjs/common';
import { periodYear, shiftPeriod } from '@scorecard/scoring';
import {
  AgencyRepository,
  PeriodRepository,
  ResultRepository,
  ResultStaleRepository,
  SchemeRepository,
  SubmissionRepository,
  TransactionRunner,
  type AgencyResultEntity,
  WHOLE_MONTH,
} from '@scorecard/server-database';
import {
  type CalculatorAgency,
  type PeriodResultsInput,
  calculatePeriodResults,
  toGradeThresholds,
  toSchemeIndicators,
} from './period-results.calculator';
import { refreshResults, withAncestors } from './period-results.refresh';
import { loadReportedCounts, loadSubtreeTotals } from './reported-counts.loader';

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
  /** `incremental`: only the marked agencies, their ancestors and their rank groups were redone. */
  mode: 'full' | 'incremental';
  agencies: number;
  resultRows: number;
  /** Rows actually written (an incremental run writes only those that changed). */
  writtenRows: number;
  reported: number;
  /** Where the run's time went, in ms: reading, calculating, writing. */
  timings?: { loadMs: number; calculateMs: number; writeMs: number };
}

export interface ComputeOptions {
  /** A run that finds this revision (or a later one) computed, and nothing marked, skips. */
  minimumRevision?: number;
  /**
   * Recompute only the agencies marked since (what a save, an import or a correction left), their
   * ancestors and the rank groups they sit in, from the stored results of the others. Falls back
   * to a full computation when the whole month is marked or the stored results are incomplete.
   */
  incremental?: boolean;
  onProgress?: (percent: number) => Promise<void> | void;
}

/**
 * Computes and stores a month's results in one transaction, whole or incrementally. It holds no
 * lock that writes take: computations of a month serialise among themselves on an advisory lock,
 * and a write made meanwhile leaves its mark, which this run clears only if it had read it.
 * Re-running gives identical rows, and an incremental run gives the rows a full one would.
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
    private readonly stale: ResultStaleRepository,
  ) {}

  async compute(period: string, options: ComputeOptions = {}): Promise<PeriodComputation> {
    const progress = options.onProgress ?? (() => undefined);
    return this.transactions.run(async (manager) => {
      await this.stale.lockComputation(manager, period);
      const pending = await this.stale.pending(manager, period);
      if (!pending) throw new PeriodNotFoundError(period);
      const { dataRevision, computedRevision, marks } = pending;
      const alreadyComputed =
        computedRevision !== null &&
        computedRevision >= dataRevision &&
        marks.length === 0 &&
        options.minimumRevision !== undefined &&
        computedRevision >= options.minimumRevision;
      if (alreadyComputed) {
        const reported = await this.submissions.reportedAgencyCodes(manager, period);
        return {
          period,
          revision: dataRevision,
          skipped: true,
          mode: 'incremental',
          agencies: 0,
          resultRows: 0,
          writtenRows: 0,
          reported: reported.size,
        };
      }
      await progress(10);
      const started = performance.now();

      const scheme = await this.schemes.findInForce(period, manager);
      if (!scheme) throw new SchemeNotFoundError(periodYear(period));
      const agencies = (await this.agencyRepository.findAll(manager)).map(
        (agency): CalculatorAgency => ({ code: agency.code, parentCode: agency.parentCode, level: agency.level }),
      );
      const previousRanks = await this.results.publishedRanksOfPeriod(manager, shiftPeriod(period, -1));
      const base = {
        period,
        agencies,
        scheme: toSchemeIndicators(scheme.indicators),
        grades: toGradeThresholds(scheme.grades),
        schemeVersion: { year: scheme.year, version: scheme.version },
        previousRanks,
      };
      // Marks that name no agency (the whole month, or none when the revision moved without
      // one) ask for everything.
      const touched = marks.some((mark) => mark.agencyCode === WHOLE_MONTH) ? null : marks.map((mark) => mark.agencyCode);
      // An incremental run reads the figures of the agencies it evaluates again only: their own,
      // and their aggregates as the database sums them; the others' rows give their scores.
      const affected =
        options.incremental && touched && touched.length > 0 ? [...withAncestors(agencies, touched)] : null;
      const stored = affected ? await this.results.ofPeriod(manager, period, affected) : null;
      const partial: PeriodResultsInput | null = affected
        ? {
            ...base,
            own: await loadReportedCounts(manager, this.submissions, period, affected),
            aggregate: await loadSubtreeTotals(manager, this.submissions, period, affected),
          }
        : null;
      const reportedOfMonth = partial ? (await this.submissions.reportedAgencyCodes(manager, period)).size : null;
      await progress(40);
      let loaded = performance.now();

      const incremental = stored && touched && partial ? refreshResults(partial, stored, touched) : null;
      let rows: AgencyResultEntity[];
      let reported: number;
      if (incremental && reportedOfMonth !== null) {
        rows = incremental.rows;
        reported = reportedOfMonth;
      } else {
        const own = await loadReportedCounts(manager, this.submissions, period);
        loaded = performance.now();
        rows = calculatePeriodResults({ ...base, own });
        reported = own.size;
      }
      await progress(70);
      const calculated = performance.now();

      if (incremental) {
        await this.results.upsertRows(manager, incremental.changed);
        await this.results.updateRanks(manager, incremental.reranked);
      } else await this.results.replaceForPeriod(manager, period, rows);
      // The month's row first, then the marks: a write holds the row while it adds its mark.
      await this.periods.markComputed(manager, period, dataRevision);
      await this.stale.clear(manager, period, marks);
      await progress(100);
      return {
        period,
        revision: dataRevision,
        skipped: false,
        mode: incremental ? 'incremental' : 'full',
        agencies: agencies.length,
        resultRows: rows.length,
        writtenRows: incremental ? incremental.changed.length + incremental.reranked.length : rows.length,
        reported,
        timings: {
          loadMs: Math.round(loaded - started),
          calculateMs: Math.round(calculated - loaded),
          writeMs: Math.round(performance.now() - calculated),
        },
      };
    });
  }
}
