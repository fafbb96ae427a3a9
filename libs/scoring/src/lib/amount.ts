import { InvalidAmountError } from './invalid-amount.error';

/**
 * Amounts (counts or yuan) have at most 2 decimals and are kept as bigint hundredths ("cents", fen),
 * so sums of money never drift.
 */
export type AmountProblem = 'not_a_number' | 'negative' | 'too_many_decimals' | 'too_large';
export type AmountCheck = { ok: true; cents: bigint } | { ok: false; problem: AmountProblem };

/** Storage is NUMERIC(15,2): 13 digits before the point. */
export const MAX_AMOUNT_INTEGER_DIGITS = 13;

// Strict on purpose: no "+5", "1e3", "1,000", ".5" or "5." — what was typed is what gets stored.
const AMOUNT_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

export function checkAmount(value: unknown): AmountCheck {
  if (typeof value === 'string') {
    return checkAmountText(value.trim());
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return reject('not_a_number');
  }
  if (value < 0) {
    return reject('negative');
  }
  // A number means the decimal it prints as, so 0.1 + 0.2 (0.30000000000000004) has too many decimals.
  const text = String(value);
  if (text.includes('e')) {
    // Only numbers ≥ 1e21 or < 1e-6 print with an exponent.
    return reject(value >= 1 ? 'too_large' : 'too_many_decimals');
  }
  return checkAmountText(text);
}

const AMOUNT_PROBLEM_MESSAGES: Record<AmountProblem, string> = {
  not_a_number: 'must be a number',
  negative: 'must not be negative',
  too_many_decimals: 'must have at most 2 decimals',
  too_large: `is too large (at most ${MAX_AMOUNT_INTEGER_DIGITS} digits before the decimal point)`,
};

/** What is wrong with an amount, in the words a field error uses ("must not be negative"). */
export function describeAmountProblem(problem: AmountProblem): string {
  return AMOUNT_PROBLEM_MESSAGES[problem];
}

export function parseAmount(value: unknown): bigint {
  const check = checkAmount(value);
  if (!check.ok) {
    throw new InvalidAmountError(check.problem);
  }
  return check.cents;
}

/** 762400n → "7624.00", 5n → "0.05". */
export function formatAmount(cents: bigint): string {
  const magnitude = cents < 0n ? -cents : cents;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${cents < 0n ? '-' : ''}${magnitude / 100n}.${fraction}`;
}

/** 762450n → 7624.5 (the double nearest to the decimal), for output only. */
export function amountToNumber(cents: bigint): number {
  return Number(formatAmount(cents));
}

function checkAmountText(text: string): AmountCheck {
  const match = AMOUNT_TEXT.exec(text);
  if (match === null) {
    return reject('not_a_number');
  }
  const [, sign, integerDigits, fractionDigits = ''] = match;
  const isZero = /^0*$/.test(integerDigits + fractionDigits);
  if (sign === '-' && !isZero) {
    return reject('negative');
  }
  if (fractionDigits.length > 2) {
    return reject('too_many_decimals');
  }
  if (integerDigits.replace(/^0+/, '').length > MAX_AMOUNT_INTEGER_DIGITS) {
    return reject('too_large');
  }
  return { ok: true, cents: BigInt(integerDigits + fractionDigits.padEnd(2, '0')) };
}

function reject(problem: AmountProblem): AmountCheck {
  return { ok: false, problem };
}
