import type { IndicatorDto, SubmissionDto } from '@scorecard/contracts';

/**
 * The submission rules of the API, checked as people type: non-negative numbers with at most
 * 2 decimals (no "1e3", "1,000" or ".5"), at most 13 digits before the point, and a numerator
 * no larger than its denominator except where the indicator allows it (enrollment expansion).
 */
export type FieldProblem =
  'required' | 'not_a_number' | 'negative' | 'too_many_decimals' | 'too_large' | 'exceeds';

export interface FigureDraft {
  numerator: string;
  denominator: string;
}

export type Drafts = Record<string, FigureDraft>;

/** `collection.numerator` → problem. */
export type DraftErrors = Record<string, FieldProblem>;

const AMOUNT = /^(-?)(\d+)(?:\.(\d+))?$/;
const MAX_INTEGER_DIGITS = 13;

/** Hundredths of the typed amount, or the problem with it. */
export function checkDraftAmount(text: string): { cents: bigint } | { problem: FieldProblem } {
  const trimmed = text.trim();
  if (!trimmed) return { problem: 'required' };
  const match = AMOUNT.exec(trimmed);
  if (!match) return { problem: 'not_a_number' };
  const [, sign = '', whole = '', fraction = ''] = match;
  if (sign === '-' && !/^0*$/.test(whole + fraction)) return { problem: 'negative' };
  if (fraction.length > 2) return { problem: 'too_many_decimals' };
  if (whole.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) return { problem: 'too_large' };
  return { cents: BigInt(whole + fraction.padEnd(2, '0')) };
}

export function validateDrafts(drafts: Drafts, indicators: readonly IndicatorDto[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const indicator of indicators) {
    const draft = drafts[indicator.code] ?? { numerator: '', denominator: '' };
    const numerator = checkDraftAmount(draft.numerator);
    const denominator = checkDraftAmount(draft.denominator);
    if ('problem' in numerator) errors[`${indicator.code}.numerator`] = numerator.problem;
    if ('problem' in denominator) errors[`${indicator.code}.denominator`] = denominator.problem;
    if (
      'cents' in numerator &&
      'cents' in denominator &&
      !indicator.allowsOverTarget &&
      numerator.cents > denominator.cents
    ) {
      errors[`${indicator.code}.numerator`] = 'exceeds';
    }
  }
  return errors;
}

/**
 * What the rate column says while typing: the rate; `notApplicable` for a denominator of 0 (the
 * indicator is left out of the score this month: valid, not an error); `incomplete` otherwise.
 */
export type DraftRateState =
  { kind: 'rate'; rate: number } | { kind: 'notApplicable' } | { kind: 'incomplete' };

export function draftRateState(draft: FigureDraft | undefined): DraftRateState {
  if (!draft) return { kind: 'incomplete' };
  const numerator = checkDraftAmount(draft.numerator);
  const denominator = checkDraftAmount(draft.denominator);
  if (!('cents' in numerator) || !('cents' in denominator)) return { kind: 'incomplete' };
  if (denominator.cents === 0n) {
    return numerator.cents === 0n ? { kind: 'notApplicable' } : { kind: 'incomplete' };
  }
  return { kind: 'rate', rate: Number(numerator.cents) / Number(denominator.cents) };
}

/** The rate shown beside a row while typing; null when the figures are not (yet) valid or 0. */
export function draftRate(draft: FigureDraft | undefined): number | null {
  if (!draft) return null;
  const numerator = checkDraftAmount(draft.numerator);
  const denominator = checkDraftAmount(draft.denominator);
  if (!('cents' in numerator) || !('cents' in denominator) || denominator.cents === 0n) return null;
  return Number(numerator.cents) / Number(denominator.cents);
}

/** An amount of money as typed back into the form: always 2 decimals (950.5 → "950.50"). */
export function moneyText(value: number | string): string {
  const text = String(value);
  const match = /^(-?\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return text;
  const [, whole = '0', fraction = ''] = match;
  return fraction.length > 2 ? text : `${whole}.${fraction.padEnd(2, '0')}`;
}

/** Form values from a stored submission (empty strings when there is none). */
export function draftsFrom(
  submission: SubmissionDto | null,
  indicators: readonly IndicatorDto[],
): Drafts {
  return Object.fromEntries(
    indicators.map((indicator) => {
      const value = submission?.values[indicator.code];
      const text = (figure: number) => (indicator.monetary ? moneyText(figure) : String(figure));
      return [
        indicator.code,
        {
          numerator: value ? text(value.numerator) : '',
          denominator: value ? text(value.denominator) : '',
        },
      ];
    }),
  );
}

/** The PUT body's values: the typed text as is (the API reads decimal strings exactly). */
export function toRequestValues(
  drafts: Drafts,
): Record<string, { numerator: string; denominator: string }> {
  return Object.fromEntries(
    Object.entries(drafts).map(([code, draft]) => [
      code,
      { numerator: draft.numerator.trim(), denominator: draft.denominator.trim() },
    ]),
  );
}

/** Field errors of a 400 answer (`values.collection.numerator`) keyed like the form's. */
export function serverFieldErrors(body: unknown): Record<string, string> {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return {};
  const result: Record<string, string> = {};
  for (const error of errors as { field?: unknown; message?: unknown }[]) {
    if (typeof error.field !== 'string' || typeof error.message !== 'string') continue;
    result[error.field.replace(/^values\./, '')] = error.message;
  }
  return result;
}
