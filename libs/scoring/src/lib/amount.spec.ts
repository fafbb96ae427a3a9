import {
  amountToNumber,
  checkAmount,
  formatAmount,
  MAX_AMOUNT_INTEGER_DIGITS,
  parseAmount,
  type AmountProblem,
} from './amount';
import { InvalidAmountError } from './invalid-amount.error';

describe('checkAmount', () => {
  it.each<[unknown, bigint]>([
    ['7624', 762400n],
    ['7624.5', 762450n],
    ['7624.50', 762450n],
    [' 12 ', 1200n],
    ['\t8682\n', 868200n],
    ['0', 0n],
    ['0.00', 0n],
    ['0.05', 5n],
    ['007', 700n],
    ['-0', 0n],
    ['-0.00', 0n],
    ['9999999999999.99', 999999999999999n],
    ['0000000000000001', 100n],
    [7624, 762400n],
    [7624.5, 762450n],
    [0.1, 10n],
    [0, 0n],
    [-0, 0n],
    [1234.56, 123456n],
    [9999999999999.99, 999999999999999n],
  ])('accepts %p as %p cents', (value, cents) => {
    expect(checkAmount(value)).toEqual({ ok: true, cents });
    expect(parseAmount(value)).toBe(cents);
  });

  it.each<[unknown, AmountProblem]>([
    [null, 'not_a_number'],
    [undefined, 'not_a_number'],
    ['', 'not_a_number'],
    ['   ', 'not_a_number'],
    [true, 'not_a_number'],
    [false, 'not_a_number'],
    [{}, 'not_a_number'],
    [[], 'not_a_number'],
    [['5'], 'not_a_number'],
    [{ valueOf: () => 5 }, 'not_a_number'],
    [5n, 'not_a_number'],
    [Number.NaN, 'not_a_number'],
    [Infinity, 'not_a_number'],
    [-Infinity, 'not_a_number'],
    ['NaN', 'not_a_number'],
    ['Infinity', 'not_a_number'],
    ['1e3', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['1,000', 'not_a_number'],
    ['+5', 'not_a_number'],
    ['0x10', 'not_a_number'],
    ['.5', 'not_a_number'],
    ['5.', 'not_a_number'],
    ['1 000', 'not_a_number'],
    ['１２', 'not_a_number'],
    ['12元', 'not_a_number'],
    ['--1', 'not_a_number'],
    ['-', 'not_a_number'],
    ['-0.01', 'negative'],
    ['-5', 'negative'],
    [' -7624.50 ', 'negative'],
    ['-0.001', 'negative'],
    [-0.01, 'negative'],
    [-1e-7, 'negative'],
    [-1e21, 'negative'],
    ['1.001', 'too_many_decimals'],
    ['1.000', 'too_many_decimals'],
    ['-0.000', 'too_many_decimals'],
    [0.1 + 0.2, 'too_many_decimals'],
    [1.005, 'too_many_decimals'],
    [1e-7, 'too_many_decimals'],
    [5e-324, 'too_many_decimals'],
    ['10000000000000', 'too_large'],
    ['10000000000000.5', 'too_large'],
    [1e13, 'too_large'],
    [1e21, 'too_large'],
    [Number.MAX_VALUE, 'too_large'],
  ])('rejects %p as %p', (value, problem) => {
    expect(checkAmount(value)).toEqual({ ok: false, problem });
  });

  it('allows 13 digits before the point (NUMERIC(15,2))', () => {
    expect(MAX_AMOUNT_INTEGER_DIGITS).toBe(13);
    expect(checkAmount('9'.repeat(13)).ok).toBe(true);
    expect(checkAmount('9'.repeat(14))).toEqual({ ok: false, problem: 'too_large' });
  });
});

describe('parseAmount', () => {
  it.each<[unknown, AmountProblem, string]>([
    ['abc', 'not_a_number', 'not a decimal number'],
    ['-1', 'negative', 'must not be negative'],
    ['1.234', 'too_many_decimals', 'more than 2 decimals'],
    ['12345678901234', 'too_large', 'more than 13 digits'],
  ])('throws InvalidAmountError for %p', (value, problem, message) => {
    let caught: unknown;
    try {
      parseAmount(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidAmountError);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as InvalidAmountError).problem).toBe(problem);
    expect((caught as InvalidAmountError).name).toBe('InvalidAmountError');
    expect((caught as InvalidAmountError).message).toContain(message);
  });
});

describe('formatAmount', () => {
  it.each([
    [762400n, '7624.00'],
    [762450n, '7624.50'],
    [5n, '0.05'],
    [50n, '0.50'],
    [0n, '0.00'],
    [123456n, '1234.56'],
    [999999999999999n, '9999999999999.99'],
    [-5n, '-0.05'],
    [-123456n, '-1234.56'],
    [10n ** 30n, `${10n ** 28n}.00`],
  ])('%p → %p', (cents, text) => {
    expect(formatAmount(cents)).toBe(text);
  });

  it.each([
    ['0', '0.00'],
    ['0.05', '0.05'],
    ['7624.5', '7624.50'],
    ['1234.56', '1234.56'],
    ['9999999999999.99', '9999999999999.99'],
  ])('prints parsed %p as %p, which parses back to the same cents', (text, formatted) => {
    const cents = parseAmount(text);
    expect(formatAmount(cents)).toBe(formatted);
    expect(parseAmount(formatted)).toBe(cents);
  });
});

describe('amountToNumber', () => {
  it.each([
    [762450n, 7624.5],
    [762400n, 7624],
    [5n, 0.05],
    [10n, 0.1],
    [0n, 0],
    [-123456n, -1234.56],
    [999999999999999n, 9999999999999.99],
  ])('%p → %p', (cents, value) => {
    expect(amountToNumber(cents)).toBe(value);
  });
});

describe('money exactness', () => {
  it('0.10 + 0.20 is exactly 0.30 in cents (unlike floats)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const sum = parseAmount('0.10') + parseAmount('0.20');
    expect(sum).toBe(30n);
    expect(formatAmount(sum)).toBe('0.30');
    expect(amountToNumber(sum)).toBe(0.3);
  });

  it('sums 10,000 amounts of 12345678.91 exactly', () => {
    const cents = parseAmount('12345678.91');
    let sum = 0n;
    let floatSum = 0;
    for (let i = 0; i < 10_000; i++) {
      sum += cents;
      floatSum += 12345678.91;
    }
    expect(formatAmount(sum)).toBe('123456789100.00');
    expect(sum).toBe(12345678910000n);
    expect(floatSum).not.toBe(123456789100); // what floats would have shown
  });

  it('sums amounts far beyond 2^53 cents exactly', () => {
    const max = parseAmount('9999999999999.99');
    expect(formatAmount(max * 1_000_000n)).toBe('9999999999999990000.00');
  });
});
