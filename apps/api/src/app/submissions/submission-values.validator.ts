import { checkAmount, formatAmount } from '@scorecard/scoring';
import type { SchemeIndicatorEntity, StoredFigures } from '@scorecard/server-database';
import type { FieldProblem } from '../common/api.errors';

/**
 * Checks every figure of a submission against the scheme and returns all problems at once,
 * each naming its field (`values.collection.numerator`).
 */
export function validateSubmissionValues(
  values: unknown,
  scheme: SchemeIndicatorEntity[],
): { figures: StoredFigures[]; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  const figures: StoredFigures[] = [];
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    return { figures, errors: [{ field: 'values', key: 'field.valuesObject' }] };
  }
  const byCode = new Map(scheme.map((indicator) => [indicator.code, indicator]));
  for (const [code, entry] of Object.entries(values as Record<string, unknown>)) {
    const field = `values.${code}`;
    const indicator = byCode.get(code);
    if (!indicator) {
      errors.push({ field, key: 'field.unknownIndicator', params: { known: [...byCode.keys()].join(', ') } });
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      errors.push({ field, key: 'field.figuresObject' });
      continue;
    }
    const extra = Object.keys(entry).filter((key) => key !== 'numerator' && key !== 'denominator');
    for (const key of extra) errors.push({ field: `${field}.${key}`, key: 'field.unknown' });
    const numerator = checkAmount((entry as Record<string, unknown>)['numerator']);
    const denominator = checkAmount((entry as Record<string, unknown>)['denominator']);
    if (!numerator.ok) errors.push({ field: `${field}.numerator`, key: `amount.${numerator.problem}` });
    if (!denominator.ok) errors.push({ field: `${field}.denominator`, key: `amount.${denominator.problem}` });
    if (!numerator.ok || !denominator.ok || extra.length > 0) continue;
    if (numerator.cents > denominator.cents && !indicator.allowsOverTarget) {
      errors.push({ field: `${field}.numerator`, key: 'field.exceedsDenominator' });
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
