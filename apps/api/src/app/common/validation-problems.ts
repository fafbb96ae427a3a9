import { type ValidationError, getMetadataStorage } from 'class-validator';
import { isMessageKey, type MessageKey, type MessageParams } from './api-messages';
import { type FieldProblem, InvalidInputError } from './api.errors';

/**
 * The problems class-validator found, as catalogue messages: each names the field as the caller
 * wrote it (`values.collection`, `reason`) and words the broken rule with its bounds, so the
 * caller reads it in its own language. A decorator's `context: { key }` picks a more telling
 * message than the rule's (a month as YYYY-MM rather than "does not match").
 */
export function validationProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    // An element of a list is named as the caller indexes it: `indicators[2].floor`.
    const field = !parent
      ? error.property
      : /^[0-9]+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`;
    for (const constraint of Object.keys(error.constraints ?? {})) {
      const custom: unknown = error.contexts?.[constraint]?.['key'];
      const key =
        typeof custom === 'string' && isMessageKey(custom) ? custom : keyOf(constraint, error);
      problems.push({ field, key, params: { field, ...boundsOf(constraint, error) } });
    }
    if (error.children?.length) problems.push(...validationProblems(error.children, field));
  }
  return problems;
}

/** The ValidationPipe's `exceptionFactory`: one 400 with every field's problem. */
export function invalidInput(errors: ValidationError[]): InvalidInputError {
  return new InvalidInputError(validationProblems(errors));
}

const KEYS: Record<string, MessageKey> = {
  whitelistValidation: 'validation.notAllowed',
  isDefined: 'validation.required',
  isNotEmpty: 'validation.required',
  isInt: 'validation.isInt',
  isString: 'validation.isString',
  isBoolean: 'validation.isBoolean',
  isObject: 'validation.isObject',
  isArray: 'validation.isArray',
  isDate: 'validation.isDate',
  isDateString: 'validation.isDate',
  isIso8601: 'validation.isDate',
  isIn: 'validation.isIn',
  isEnum: 'validation.isIn',
  min: 'validation.min',
  max: 'validation.max',
  minLength: 'validation.minLength',
  maxLength: 'validation.maxLength',
};

function keyOf(constraint: string, error: ValidationError): MessageKey {
  if (constraint === 'isNumber') {
    return decimalsOf(error) === undefined ? 'validation.isNumber' : 'validation.isNumberDecimals';
  }
  return KEYS[constraint] ?? 'validation.invalid';
}

function boundsOf(constraint: string, error: ValidationError): MessageParams {
  const [bound] = constraintsOf(constraint, error);
  switch (constraint) {
    case 'min':
    case 'minLength':
      return { min: String(bound) };
    case 'max':
    case 'maxLength':
      return { max: String(bound) };
    case 'isIn':
      return { values: Array.isArray(bound) ? bound.join(', ') : '' };
    case 'isEnum':
      return { values: bound && typeof bound === 'object' ? Object.values(bound).join(', ') : '' };
    case 'isNumber': {
      const decimals = decimalsOf(error);
      return decimals === undefined ? {} : { decimals: String(decimals) };
    }
    default:
      return {};
  }
}

function decimalsOf(error: ValidationError): number | undefined {
  const [options] = constraintsOf('isNumber', error);
  const decimals = (options as { maxDecimalPlaces?: unknown } | undefined)?.maxDecimalPlaces;
  return typeof decimals === 'number' ? decimals : undefined;
}

/** The arguments the rule was declared with (`@Min(1)` → [1]), from class-validator's registry. */
function constraintsOf(constraint: string, error: ValidationError): unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((entry) => entry.propertyName === error.property && entry.name === constraint);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}
