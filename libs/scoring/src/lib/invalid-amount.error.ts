import type { AmountProblem } from './amount';

const MESSAGES: Record<AmountProblem, string> = {
  not_a_number: 'Amount is not a decimal number',
  negative: 'Amount must not be negative',
  too_many_decimals: 'Amount has more than 2 decimals',
  too_large: 'Amount has more than 13 digits before the decimal point',
};

/** Thrown by parseAmount; `problem` tells callers which field error to report. */
export class InvalidAmountError extends Error {
  constructor(readonly problem: AmountProblem) {
    super(MESSAGES[problem]);
    this.name = 'InvalidAmountError';
  }
}
