import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDateTime,
  formatMoney,
  formatPercent,
  formatRankChange,
  formatScore,
  roundDecimal,
} from './format';

describe('roundDecimal', () => {
  it.each([
    [1.005, 2, 1.01],
    [87.815, 2, 87.82],
    [0.125, 2, 0.13],
    [-1.005, 2, -1.01],
    [1e-7, 2, 0],
    [2.5, 0, 3],
  ])('rounds %s to %s places → %s', (value, decimals, expected) => {
    expect(roundDecimal(value, decimals)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.878138, '87.81 %'],
    [7624 / 8682, '87.81 %'],
    [1.0001, '100.01 %'],
    [1, '100.00 %'],
    [0, '0.00 %'],
    [0.87815, '87.82 %'],
    [0.999999, '100.00 %'],
  ])('%s → %s', (rate, expected) => {
    expect(formatPercent(rate)).toBe(expected);
  });

  it('shows a placeholder (or the given fallback) for missing rates', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatPercent(null, '不适用')).toBe('不适用');
  });
});

describe('formatScore', () => {
  it.each([
    [87.8, '87.80'],
    [100, '100.00'],
    [0, '0.00'],
    [55.255, '55.26'],
    [64.999, '65.00'],
  ])('%s → %s', (score, expected) => {
    expect(formatScore(score)).toBe(expected);
  });

  it('shows a placeholder for null', () => {
    expect(formatScore(null)).toBe('—');
  });
});

describe('formatMoney', () => {
  it.each<[number | string, string]>([
    [1234.56, '¥1,234.56'],
    ['1234.56', '¥1,234.56'],
    ['1234.5', '¥1,234.50'],
    [0, '¥0.00'],
    [1234567890.1, '¥1,234,567,890.10'],
    ['98765432109876543.21', '¥98,765,432,109,876,543.21'],
    [-1234.5, '-¥1,234.50'],
    ['0012.30', '¥12.30'],
    [0.005, '¥0.01'],
  ])('%s → %s', (amount, expected) => {
    expect(formatMoney(amount)).toBe(expected);
  });

  it('rejects what is not an amount', () => {
    expect(formatMoney('12a')).toBe('—');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(7624)).toBe('7,624');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(12.5)).toBe('12.5');
    expect(formatCount(null)).toBe('—');
  });
});

describe('formatRankChange', () => {
  it('shows moves up, down and none', () => {
    expect(formatRankChange(2)).toEqual({ direction: 'up', places: 2, text: '▲2' });
    expect(formatRankChange(-3)).toEqual({ direction: 'down', places: 3, text: '▼3' });
    expect(formatRankChange(0)).toEqual({ direction: 'same', places: 0, text: '—' });
    expect(formatRankChange(null)).toEqual({ direction: 'none', places: 0, text: '—' });
  });
});

describe('formatDateTime', () => {
  it('shows Beijing time whatever the browser time zone', () => {
    expect(formatDateTime('2026-10-31T17:00:00Z')).toBe('2026-11-01 01:00');
    expect(formatDateTime('2026-10-06T02:30:00.000Z')).toBe('2026-10-06 10:30');
  });

  it('shows a placeholder for missing or invalid times', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});
