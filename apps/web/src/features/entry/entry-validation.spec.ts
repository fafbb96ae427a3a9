import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../testing/rankings.fixture';
import {
  checkDraftAmount,
  draftRate,
  draftRateState,
  draftsFrom,
  moneyText,
  serverFieldErrors,
  toRequestValues,
  validateDrafts,
} from './entry-validation';

describe('checkDraftAmount', () => {
  it.each([
    ['7624', { cents: 762400n }],
    ['123456.78', { cents: 12345678n }],
    [' 0 ', { cents: 0n }],
    ['-0', { cents: 0n }],
    ['', { problem: 'required' }],
    ['abc', { problem: 'not_a_number' }],
    ['1e3', { problem: 'not_a_number' }],
    ['1,000', { problem: 'not_a_number' }],
    ['.5', { problem: 'not_a_number' }],
    ['-1', { problem: 'negative' }],
    ['1.234', { problem: 'too_many_decimals' }],
    ['12345678901234', { problem: 'too_large' }],
  ])('%s', (text, expected) => {
    expect(checkDraftAmount(text)).toEqual(expected);
  });
});

describe('validateDrafts', () => {
  const drafts = draftsFrom(null, INDICATORS);

  it('asks for every figure of an empty form', () => {
    expect(Object.keys(validateDrafts(drafts, INDICATORS))).toHaveLength(14);
  });

  it('rejects a numerator above its denominator except for enrollment expansion', () => {
    const filled = Object.fromEntries(
      INDICATORS.map((i) => [i.code, { numerator: '101', denominator: '100' }]),
    );
    const errors = validateDrafts(filled, INDICATORS);
    expect(errors['enrollment_expansion.numerator']).toBeUndefined();
    expect(errors['collection.numerator']).toBe('exceeds');
    expect(Object.keys(errors)).toHaveLength(6);
  });

  it('accepts a denominator of 0 (not applicable) and money with 2 decimals', () => {
    const filled = Object.fromEntries(
      INDICATORS.map((i) => [i.code, { numerator: '0', denominator: '0' }]),
    );
    filled.collection = { numerator: '123456.78', denominator: '130000.00' };
    expect(validateDrafts(filled, INDICATORS)).toEqual({});
  });
});

describe('helpers', () => {
  it('shows the rate while typing', () => {
    expect(draftRate({ numerator: '7624', denominator: '8682' })).toBeCloseTo(7624 / 8682, 12);
    expect(draftRate({ numerator: '1', denominator: '0' })).toBeNull();
    expect(draftRate({ numerator: 'x', denominator: '2' })).toBeNull();
  });

  it('says 0 / 0 is not applicable, not an error', () => {
    expect(draftRateState({ numerator: '0', denominator: '0' })).toEqual({
      kind: 'notApplicable',
    });
    expect(draftRateState({ numerator: '0.00', denominator: '0' })).toEqual({
      kind: 'notApplicable',
    });
    expect(draftRateState({ numerator: '1', denominator: '0' })).toEqual({ kind: 'incomplete' });
    expect(draftRateState({ numerator: '', denominator: '5' })).toEqual({ kind: 'incomplete' });
    expect(draftRateState({ numerator: '1', denominator: '4' })).toEqual({
      kind: 'rate',
      rate: 0.25,
    });
  });

  it('writes money with two decimals', () => {
    expect(moneyText(950.5)).toBe('950.50');
    expect(moneyText(950)).toBe('950.00');
    expect(moneyText('950.5')).toBe('950.50');
    expect(moneyText(98765.43)).toBe('98765.43');
    expect(moneyText(1234567890123.45)).toBe('1234567890123.45');
  });

  it('fills the form from a submission and sends the text as typed', () => {
    const drafts = draftsFrom(
      {
        period: '2026-10',
        agencyCode: '330102',
        version: 3,
        status: 'submitted',
        late: false,
        submittedAt: '2026-11-02T01:00:00Z',
        submittedBy: 'head-330102',
        review: { state: 'pending', reason: null, by: null, at: null },
        values: { collection: { numerator: 1234.5, denominator: 2000 } },
        sources: [],
      },
      INDICATORS,
    );
    // Collection is money: shown back with its two decimals.
    expect(drafts.collection).toEqual({ numerator: '1234.50', denominator: '2000.00' });
    expect(drafts.satisfaction).toEqual({ numerator: '', denominator: '' });
    expect(toRequestValues({ a: { numerator: ' 1 ', denominator: '2' } })).toEqual({
      a: { numerator: '1', denominator: '2' },
    });
  });

  it('reads the field errors of a 400 answer', () => {
    expect(
      serverFieldErrors({
        errors: [
          { field: 'values.collection.numerator', message: 'must not exceed the denominator' },
        ],
      }),
    ).toEqual({ 'collection.numerator': 'must not exceed the denominator' });
    expect(serverFieldErrors(null)).toEqual({});
  });
});
