import { Injectable } from '@nestjs/common';
import type { AgencyLevel, Scope, WindowDto, WindowKind } from '@scorecard/contracts';
import {
  type IndicatorCounts,
  type ReportingWindow,
  type WindowAgencyResult,
  type WindowMonthFigures,
  evaluateWindow,
  parseAmount,
  previousWindow,
  type WindowRanks,
} from '@scorecard/scoring';
import {
  PeriodPartRepository,
  PeriodRepository,
  ResultRepository,
  type Scheme,
  SchemeRepository,
  type StoredIndicatorResult,
} from '@scorecard/server-database';
import { toGradeThresholds, toSchemeIndicators } from '@scorecard/server-months';
import { AgencyDirectory } from '../common/agency-directory.service';
import { NotFoundError } from '../common/api.errors';

/** A window's result for one level and scope: what it covers, the scheme that scored it, each agency's result. */
export interface WindowResults {
  window: WindowDto;
  scheme: Scheme | null;
  /** Every agency of the level, in agency order. */
  results: WindowAgencyResult[];
}

/**
 * A quarter's, half-year's or year's results (考核周期), computed on request from the published
 * months it covers: the figures summed per agency, then scored with the scheme in force in the last
 * covered month and ranked as a month is (the rule lives in `@scorecard/scoring`). Drafts never enter.
 */
@Injectable()
export class WindowResultsService {
  constructor(
    private readonly results: ResultRepository,
    private readonly schemes: SchemeRepository,
    private readonly agencies: AgencyDirectory,
    private readonly periods: PeriodRepository,
    private readonly parts: PeriodPartRepository,
  ) {}

  /**
   * The scheme a window is scored with: the one in force in its last published month (its last
   * month while none is published).
   */
  async schemeOf(window: ReportingWindow): Promise<Scheme | null> {
    const published = await this.periods.publishedAmong(window.months);
    return this.schemes.findInForce(published.at(-1) ?? window.months[window.months.length - 1]);
  }

  /**
   * 404 when no month of the window is published. `province` (a national tree): a month counts
   * once that province's part of it is published.
   */
  async of(window: ReportingWindow, level: AgencyLevel, scope: Scope, province?: string | null): Promise<WindowResults> {
    const before = previousWindow(window);
    // One read for the window and the one before it (for rank changes).
    const published = await this.results.publishedOfMonths([...before.months, ...window.months], level, scope);
    if (province) {
      const unpublished = new Set(
        (await this.parts.ofProvince(province)).filter((part) => part.publishedVersion === 0).map((part) => part.period),
      );
      published.months = published.months.filter((month) => !unpublished.has(month));
    }
    const inWindow = new Set(window.months);
    const covered = published.months.filter((month) => inWindow.has(month));
    if (covered.length === 0) throw new NotFoundError('window.nothingPublished', { period: window.period });
    const previousCovered = published.months.filter((month) => !inWindow.has(month));

    const scheme = await this.schemes.findInForce(covered[covered.length - 1]);
    const agencies = (await this.agencies.all()).map(({ code, parentCode, level: agencyLevel }) => ({
      code,
      parentCode,
      level: agencyLevel,
    }));
    const evaluate = (months: string[], previous?: ReadonlyMap<string, WindowRanks>) => {
      const wanted = new Set(months);
      return evaluateWindow({
        agencies,
        figures: published.figures.filter((row) => wanted.has(row.period)).map(toMonthFigures),
        scheme: toSchemeIndicators(scheme?.indicators ?? []),
        grades: scheme ? toGradeThresholds(scheme.grades) : undefined,
        previous,
      });
    };
    // The previous window counts when at least partly published, scored the same way.
    const previous =
      previousCovered.length === 0
        ? undefined
        : new Map(evaluate(previousCovered).map((result) => [result.code, result]));
    const levelCodes = new Set(agencies.filter((agency) => agency.level === level).map((agency) => agency.code));
    return {
      window: {
        kind: window.kind as WindowKind,
        months: covered,
        missing: window.months.filter((month) => !covered.includes(month)),
      },
      scheme,
      results: evaluate(covered, previous).filter((result) => levelCodes.has(result.code)),
    };
  }
}

function toMonthFigures(row: { agencyCode: string; indicators: Record<string, StoredIndicatorResult> }): WindowMonthFigures {
  const counts: IndicatorCounts = {};
  for (const [code, figure] of Object.entries(row.indicators)) {
    // Stored as NUMERIC text with 2 decimals: summed as exact hundredths.
    counts[code] = { numerator: parseAmount(figure.numerator), denominator: parseAmount(figure.denominator) };
  }
  return { agencyCode: row.agencyCode, counts };
}
