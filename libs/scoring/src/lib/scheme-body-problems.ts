import type { Grade } from './grade';

/** A scheme version as the province writes it (the body of `PUT /schemes/:year`). */
export interface SchemeBody {
  effectiveFrom: string;
  reason: string;
  dueDay: number;
  dueOnWorkingDay: boolean;
  rectifyWorkingDays: number;
  appealWorkingDays: number;
  badReviewWorkingDays: number;
  warnings: {
    failMonths: number;
    lastMonths: number;
    belowFloorMonths: number;
    improvingMonths: number;
  };
  grades: { code: Grade; label: string; min: number }[];
  indicators: {
    code: string;
    nameZh: string;
    nameEn: string;
    dimension: string;
    numeratorLabel: string;
    denominatorLabel: string;
    weight: number;
    target: number;
    floor: number;
    allowAbove: boolean;
    monetary: boolean;
  }[];
}

export interface SchemeProblem {
  /** As the caller wrote it: `indicators[2].floor`, `grades[4].min`, `warnings.failMonths`. */
  field: string;
  /** What is wrong, as a message key the API words in the caller's language. */
  key:
    | 'scheme.effectiveFromOutsideYear'
    | 'scheme.textRequired'
    | 'scheme.wholeNumberBetween'
    | 'scheme.weightPositiveWhole'
    | 'scheme.weightsSum'
    | 'scheme.noIndicators'
    | 'scheme.codeFormat'
    | 'scheme.codeDuplicated'
    | 'scheme.fraction'
    | 'scheme.floorBelowTarget'
    | 'scheme.targetAboveOne'
    | 'scheme.gradeCount'
    | 'scheme.gradeCode'
    | 'scheme.gradeDescending'
    | 'scheme.gradeLastZero'
    | 'scheme.gradeMin';
  params: Record<string, string | number>;
}

/** The five grade codes in the order a scheme lists its bands, highest first. */
export const GRADE_ORDER: readonly Grade[] = Object.freeze([
  'excellent',
  'good',
  'pass',
  'basic',
  'fail',
]);

const CODE = /^[a-z][a-z0-9_]*$/;
const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;
/** Targets and floors are stored with 6 decimals (NUMERIC(7, 6)). */
const MAX_FRACTION_DECIMALS = 6;

/**
 * What is wrong with a scheme version a province would save for `year`: the month it takes effect
 * in that year; deadlines and warning thresholds whole numbers in range; weights positive whole
 * numbers summing to 100; codes `[a-z][a-z0-9_]*` and unique; 0 ≤ floor < target, target at most
 * 100 % unless the numerator may exceed the denominator; the five grades in order, their minimums
 * strictly descending down to 0. Every problem found, not the first only.
 */
export function schemeBodyProblems(year: number, body: SchemeBody): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const match = MONTH.exec(body.effectiveFrom);
  if (!match || Number(match[1]) !== year) {
    problems.push({
      field: 'effectiveFrom',
      key: 'scheme.effectiveFromOutsideYear',
      params: { year },
    });
  }
  text(problems, 'reason', body.reason);
  whole(problems, 'dueDay', body.dueDay, 1, 28);
  whole(problems, 'rectifyWorkingDays', body.rectifyWorkingDays, 1, 60);
  whole(problems, 'appealWorkingDays', body.appealWorkingDays, 1, 60);
  whole(problems, 'badReviewWorkingDays', body.badReviewWorkingDays, 1, 60);
  for (const key of ['failMonths', 'lastMonths', 'belowFloorMonths', 'improvingMonths'] as const) {
    whole(problems, `warnings.${key}`, body.warnings[key], 1, 12);
  }
  gradeProblems(problems, body.grades);
  indicatorProblems(problems, body.indicators);
  return problems;
}

function text(problems: SchemeProblem[], field: string, value: string): void {
  if (value.trim() === '') problems.push({ field, key: 'scheme.textRequired', params: {} });
}

function whole(
  problems: SchemeProblem[],
  field: string,
  value: number,
  min: number,
  max: number,
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push({ field, key: 'scheme.wholeNumberBetween', params: { min, max } });
  }
}

function gradeProblems(problems: SchemeProblem[], grades: SchemeBody['grades']): void {
  if (grades.length !== GRADE_ORDER.length) {
    problems.push({
      field: 'grades',
      key: 'scheme.gradeCount',
      params: { codes: GRADE_ORDER.join(', ') },
    });
    return;
  }
  grades.forEach((band, index) => {
    const field = `grades[${index}]`;
    if (band.code !== GRADE_ORDER[index]) {
      problems.push({
        field: `${field}.code`,
        key: 'scheme.gradeCode',
        params: { code: GRADE_ORDER[index] },
      });
    }
    text(problems, `${field}.label`, band.label);
    if (!Number.isFinite(band.min) || band.min < 0 || band.min > 100 || !hasDecimals(band.min, 2)) {
      problems.push({ field: `${field}.min`, key: 'scheme.gradeMin', params: {} });
    } else if (
      index > 0 &&
      Number.isFinite(grades[index - 1].min) &&
      band.min >= grades[index - 1].min
    ) {
      problems.push({
        field: `${field}.min`,
        key: 'scheme.gradeDescending',
        params: { above: grades[index - 1].min },
      });
    }
  });
  const last = grades[grades.length - 1];
  if (last.min !== 0) {
    problems.push({
      field: `grades[${grades.length - 1}].min`,
      key: 'scheme.gradeLastZero',
      params: {},
    });
  }
}

function indicatorProblems(problems: SchemeProblem[], indicators: SchemeBody['indicators']): void {
  if (indicators.length === 0) {
    problems.push({ field: 'indicators', key: 'scheme.noIndicators', params: {} });
    return;
  }
  const seen = new Map<string, number>();
  let total = 0;
  let weightsWhole = true;
  indicators.forEach((indicator, index) => {
    const field = `indicators[${index}]`;
    if (!CODE.test(indicator.code)) {
      problems.push({ field: `${field}.code`, key: 'scheme.codeFormat', params: {} });
    } else if (seen.has(indicator.code)) {
      problems.push({
        field: `${field}.code`,
        key: 'scheme.codeDuplicated',
        params: { code: indicator.code, first: `indicators[${seen.get(indicator.code)}]` },
      });
    } else {
      seen.set(indicator.code, index);
    }
    for (const name of [
      'nameZh',
      'nameEn',
      'dimension',
      'numeratorLabel',
      'denominatorLabel',
    ] as const) {
      text(problems, `${field}.${name}`, indicator[name]);
    }
    if (!Number.isInteger(indicator.weight) || indicator.weight <= 0) {
      problems.push({ field: `${field}.weight`, key: 'scheme.weightPositiveWhole', params: {} });
      weightsWhole = false;
    } else {
      total += indicator.weight;
    }
    const targetOk = fraction(problems, `${field}.target`, indicator.target);
    const floorOk = fraction(problems, `${field}.floor`, indicator.floor);
    if (targetOk && !indicator.allowAbove && indicator.target > 1) {
      problems.push({ field: `${field}.target`, key: 'scheme.targetAboveOne', params: {} });
    }
    if (targetOk && floorOk && indicator.floor >= indicator.target) {
      problems.push({ field: `${field}.floor`, key: 'scheme.floorBelowTarget', params: {} });
    }
  });
  if (weightsWhole && total !== 100) {
    problems.push({ field: 'indicators', key: 'scheme.weightsSum', params: { total } });
  }
}

/** A rate as a fraction: finite, from 0 to below 10, with at most 6 decimals. */
function fraction(problems: SchemeProblem[], field: string, value: number): boolean {
  if (
    !Number.isFinite(value) ||
    value < 0 ||
    value >= 10 ||
    !hasDecimals(value, MAX_FRACTION_DECIMALS)
  ) {
    problems.push({ field, key: 'scheme.fraction', params: { decimals: MAX_FRACTION_DECIMALS } });
    return false;
  }
  return true;
}

function hasDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}
