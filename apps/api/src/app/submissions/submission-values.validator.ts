import { checkAmount, describeAmountProblem, formatAmount } from '@scorecard/scoring';
import type { SchemeIndicatorEntity, StoredFigures } from '@scorecard/server-database';
import type { FieldError } from '../common/api.errors';

/**
 * Checks every figure of a submission against the scheme and returns all problems at once,
 * each naming its field (`values.collection.numerator`).
 */
export function validateSubmissionValues(
  values: unknown,
  scheme: SchemeIndicatorEntity[],
): { figures: StoredFigures[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const figures: StoredFigures[] = [];
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return { figures, errors: [{ field: 'values', message: 'must be an object keyed by indicator code' }] };
  }
  const byCode = new Map(scheme.map((indicator) => [indicator.code, indicator]));
  for (const [code, entry] of Object.entries(values as Record<string, unknown>)) {
    const field = `values.${code}`;
    const indicator = byCode.get(code);
    if (!indicator) {
      errors.push({ field, message: `unknown indicator code (known: ${[...byCode.keys()].join(', ')})` });
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      errors.push({ field, message: 'must be an object {numerator, denominator}' });
      continue;
    }
    const extra = Object.keys(entry).filter((key) => key !== 'numerator' && key !== 'denominator');
    for (const key of extra) errors.push({ field: `${field}.${key}`, message: 'is not a known field' });
    const numerator = checkAmount((entry as Record<string, unknown>)['numerator']);
    const denominator = checkAmount((entry as Record<string, unknown>)['denominator']);
    if (!numerator.ok) errors.push({ field: `${field}.numerator`, message: describeAmountProblem(numerator.problem) });
    if (!denominator.ok) errors.push({ field: `${field}.denominator`, message: describeAmountProblem(denominator.problem) });
    if (!numerator.ok || !denominator.ok || extra.length > 0) continue;
    if (numerator.cents > denominator.cents && !indicator.allowsOverTarget) {
      errors.push({ field: `${field}.numerator`, message: 'must not exceed the denominator' });
      continue;
    }
    figures.push({
      indicatorCode: code,
      numerator: formatAmount(numerator.cents),
      denominator: formatAmount(denominator.cents),
    });
  }
  return { figures, errors };
}
