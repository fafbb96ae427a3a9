import type {
  PeriodDto,
  SchemeBodyDto,
  SchemeDto,
  SchemeIndicatorDto,
  SchemeVersionDto,
} from '@scorecard/contracts';
import { ApiError } from '../../shared/http';

/**
 * The editor's draft of a scheme version. Weights and percentages are kept as typed, so a half-typed
 * "98." is never rewritten under the cursor; they become numbers only when the body is sent.
 */
export interface IndicatorDraft extends Omit<SchemeIndicatorDto, 'weight' | 'target' | 'floor'> {
  /** Keeps a row's inputs when rows above it are removed. */
  key: number;
  weight: string;
  /** Percent text: "98" for 0.98. */
  target: string;
  floor: string;
}

export interface SchemeDraft extends Omit<SchemeBodyDto, 'indicators'> {
  indicators: IndicatorDraft[];
}

/** One message for one field, by i18n key. */
export interface DraftError {
  key: string;
  params?: Record<string, unknown>;
}

const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;
const PERCENT_PATTERN = /^\d+(\.\d+)?$/;
const WEIGHT_PATTERN = /^\d+$/;
export const WEIGHT_TOTAL = 100;

/** Moves the decimal point by `places` on the number's decimal text, never through binary arithmetic. */
function shiftDecimal(value: number, places: number): number {
  const [mantissa = '0', exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** A fraction as the percentage people type: 0.98 → "98", 1.0001 → "100.01". */
export function fractionToPercent(fraction: number): string {
  return String(shiftDecimal(fraction, 2));
}

/** Percent text as the fraction sent: "98" → 0.98 exactly (not 0.9800000000000001); null if not a number. */
export function percentToFraction(text: string): number | null {
  const trimmed = text.trim();
  if (!PERCENT_PATTERN.test(trimmed)) return null;
  return Number(`${trimmed}e-2`);
}

/** A weight as typed, when it is a whole number; null otherwise. */
export function parseWeight(text: string): number | null {
  const trimmed = text.trim();
  return WEIGHT_PATTERN.test(trimmed) ? Number(trimmed) : null;
}

/** The sum of the weights typed so far (rows whose weight is not a whole number count 0). */
export function weightTotal(indicators: readonly Pick<IndicatorDraft, 'weight'>[]): number {
  return indicators.reduce((sum, row) => sum + (parseWeight(row.weight) ?? 0), 0);
}

let nextKey = 1;
function indicatorDraftOf(indicator: SchemeIndicatorDto): IndicatorDraft {
  return {
    ...indicator,
    key: nextKey++,
    weight: String(indicator.weight),
    target: fractionToPercent(indicator.target),
    floor: fractionToPercent(indicator.floor),
  };
}

/** A blank indicator row, as "add an indicator" makes it. */
export function blankIndicator(dimension = ''): IndicatorDraft {
  return {
    key: nextKey++,
    code: '',
    nameZh: '',
    nameEn: '',
    dimension,
    numeratorLabel: '',
    denominatorLabel: '',
    weight: '',
    target: '100',
    floor: '60',
    allowAbove: false,
    monetary: false,
  };
}

/** The draft a stored version starts: its fields, a new month from which it applies and no reason yet. */
export function draftOf(scheme: SchemeDto, effectiveFrom: string): SchemeDraft {
  return {
    effectiveFrom,
    reason: '',
    dueDay: scheme.dueDay,
    dueOnWorkingDay: scheme.dueOnWorkingDay,
    rectifyWorkingDays: scheme.rectifyWorkingDays,
    appealWorkingDays: scheme.appealWorkingDays,
    badReviewWorkingDays: scheme.badReviewWorkingDays,
    warnings: { ...scheme.warnings },
    grades: scheme.grades.map((grade) => ({ ...grade })),
    indicators: scheme.indicators.map(indicatorDraftOf),
  };
}

/**
 * The body `PUT` and the preview take. Only the contract's fields are sent (the API refuses any
 * other); a weight or percentage that is not a number goes as NaN's stand-in null, for the API to name.
 */
export function bodyOf(draft: SchemeDraft): SchemeBodyDto {
  return {
    effectiveFrom: draft.effectiveFrom,
    reason: draft.reason.trim(),
    dueDay: draft.dueDay,
    dueOnWorkingDay: draft.dueOnWorkingDay,
    rectifyWorkingDays: draft.rectifyWorkingDays,
    appealWorkingDays: draft.appealWorkingDays,
    badReviewWorkingDays: draft.badReviewWorkingDays,
    warnings: {
      failMonths: draft.warnings.failMonths,
      lastMonths: draft.warnings.lastMonths,
      belowFloorMonths: draft.warnings.belowFloorMonths,
      improvingMonths: draft.warnings.improvingMonths,
    },
    grades: draft.grades.map(({ code, label, min }) => ({ code, label, min })),
    indicators: draft.indicators.map((row) => ({
      code: row.code.trim(),
      nameZh: row.nameZh.trim(),
      nameEn: row.nameEn.trim(),
      dimension: row.dimension.trim(),
      numeratorLabel: row.numeratorLabel.trim(),
      denominatorLabel: row.denominatorLabel.trim(),
      weight: parseWeight(row.weight) as number,
      target: percentToFraction(row.target) as number,
      floor: percentToFraction(row.floor) as number,
      allowAbove: row.allowAbove,
      monetary: row.monetary,
    })),
  };
}

/** The path the API names a field by: `indicators[2].floor`, `grades[0].min`, `reason`. */
export function indicatorPath(index: number, field: keyof SchemeIndicatorDto): string {
  return `indicators[${index}].${field}`;
}

/**
 * What the page can tell before asking the API, by field path: the API checks the same and
 * names the same paths, so either way the message lands at the cell.
 */
export function draftErrors(draft: SchemeDraft): Record<string, DraftError> {
  const errors: Record<string, DraftError> = {};
  const seen = new Map<string, number>();
  draft.indicators.forEach((row, index) => {
    const code = row.code.trim();
    if (!CODE_PATTERN.test(code))
      errors[indicatorPath(index, 'code')] = { key: 'scheme.errors.code' };
    else if (seen.has(code))
      errors[indicatorPath(index, 'code')] = { key: 'scheme.errors.duplicate', params: { code } };
    seen.set(code, index);
    for (const field of [
      'nameZh',
      'nameEn',
      'dimension',
      'numeratorLabel',
      'denominatorLabel',
    ] as const) {
      if (!row[field].trim())
        errors[indicatorPath(index, field)] = { key: 'scheme.errors.required' };
    }
    const weight = parseWeight(row.weight);
    if (weight === null || weight <= 0)
      errors[indicatorPath(index, 'weight')] = { key: 'scheme.errors.weight' };
    const target = percentToFraction(row.target);
    const floor = percentToFraction(row.floor);
    if (target === null || target <= 0)
      errors[indicatorPath(index, 'target')] = { key: 'scheme.errors.percent' };
    if (floor === null) errors[indicatorPath(index, 'floor')] = { key: 'scheme.errors.percent' };
    else if (target !== null && floor >= target)
      errors[indicatorPath(index, 'floor')] = { key: 'scheme.errors.floor' };
  });
  if (draft.indicators.length === 0) errors['indicators'] = { key: 'scheme.errors.noIndicators' };
  const total = weightTotal(draft.indicators);
  if (total !== WEIGHT_TOTAL) errors['weights'] = { key: 'scheme.errors.total', params: { total } };
  draft.grades.forEach((grade, index) => {
    const above = draft.grades[index - 1];
    if (above && !(grade.min < above.min))
      errors[`grades[${index}].min`] = { key: 'scheme.errors.grades' };
  });
  const last = draft.grades[draft.grades.length - 1];
  if (last && last.min !== 0)
    errors[`grades[${draft.grades.length - 1}].min`] = { key: 'scheme.errors.lastGrade' };
  if (draft.reason.trim().length < 2) errors['reason'] = { key: 'scheme.errors.reason' };
  if (!draft.effectiveFrom) errors['effectiveFrom'] = { key: 'scheme.errors.effectiveFrom' };
  return errors;
}

/** `indicators.2.floor` (class-validator's dots) and `indicators[2].floor` name the same cell. */
export function normaliseFieldPath(field: string): string {
  return field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** A 400 answer's field errors by the path of the field they name; empty for any other failure. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const errors = (error.body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return {};
  const byPath: Record<string, string> = {};
  for (const entry of errors as { field?: unknown; message?: unknown }[]) {
    if (typeof entry.field !== 'string' || typeof entry.message !== 'string') continue;
    const path = normaliseFieldPath(entry.field);
    byPath[path] = byPath[path] ? `${byPath[path]}；${entry.message}` : entry.message;
  }
  return byPath;
}

/** The months of `year`, January first. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
}

/** Whether a month's results are frozen (locked or published): a new version cannot start there. */
export function isFrozen(period: string, periods: readonly PeriodDto[]): boolean {
  const status = periods.find((p) => p.period === period)?.status;
  return status === 'locked' || status === 'published';
}

/**
 * The month a new version applies from unless the editor picks another: the first month of the year
 * after the last frozen one (the first open month), or null when the whole year is frozen.
 */
export function firstEditableMonth(year: number, periods: readonly PeriodDto[]): string | null {
  const months = monthsOf(year);
  let lastFrozen = -1;
  months.forEach((month, index) => {
    if (isFrozen(month, periods)) lastFrozen = index;
  });
  return months[lastFrozen + 1] ?? null;
}

/** The months saving recomputes: those of the year already begun, from `effectiveFrom` on. */
export function recomputedMonths(effectiveFrom: string, periods: readonly PeriodDto[]): string[] {
  const year = effectiveFrom.slice(0, 4);
  return periods
    .map((p) => p.period)
    .filter((period) => period.startsWith(`${year}-`) && period >= effectiveFrom)
    .sort();
}

/**
 * The version deciding `month`: of those begun by then, the latest begun, the newest of a month
 * (a later version from the same month replaces the earlier); before any began, the first.
 */
export function versionInForce<T extends Pick<SchemeVersionDto, 'version' | 'effectiveFrom'>>(
  versions: readonly T[],
  month: string,
): T | null {
  const byStart = [...versions].sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version,
  );
  const started = byStart.filter((v) => v.effectiveFrom <= month);
  return started.at(-1) ?? byStart[0] ?? null;
}
