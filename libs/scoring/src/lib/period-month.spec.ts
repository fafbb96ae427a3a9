import { dayOf, dueDateOf, isLate, isPeriod, periodOf, periodYear, shiftPeriod } from './period-month';
import { workingCalendar } from './working-calendar';

describe('isPeriod', () => {
  it.each<[string, boolean]>([
    ['2026-01', true],
    ['2026-12', true],
    ['1999-09', true],
    ['2026-00', false],
    ['2026-13', false],
    ['2026-1', false],
    ['26-01', false],
    ['2026-01-01', false],
    ['2026/01', false],
    [' 2026-01', false],
    ['', false],
  ])('%p → %p', (value, expected) => {
    expect(isPeriod(value)).toBe(expected);
  });
});

describe('shiftPeriod', () => {
  it.each<[string, number, string]>([
    ['2026-05', 0, '2026-05'],
    ['2026-05', 1, '2026-06'],
    ['2026-05', -1, '2026-04'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-01', 12, '2027-01'],
    ['2026-01', -12, '2025-01'],
    ['2026-03', -15, '2024-12'],
    ['2026-11', 25, '2028-12'],
  ])('%p shifted by %p → %p', (period, months, expected) => {
    expect(shiftPeriod(period, months)).toBe(expected);
  });
});

describe('periodYear', () => {
  it.each<[string, number]>([
    ['2026-01', 2026],
    ['2026-12', 2026],
    ['1999-07', 1999],
  ])('%p → %p', (period, year) => {
    expect(periodYear(period)).toBe(year);
  });
});

describe('periodOf (Asia/Shanghai, UTC+8)', () => {
  it.each<[string, string]>([
    ['2026-11-30T15:59:59.999Z', '2026-11'],
    ['2026-11-30T16:00:00Z', '2026-12'],
    ['2026-12-31T16:00:00Z', '2027-01'],
    ['2026-01-01T00:00:00+08:00', '2026-01'],
    ['2025-12-31T23:59:59+08:00', '2025-12'],
    ['2026-02-28T20:00:00Z', '2026-03'],
  ])('%p → %p', (at, period) => {
    expect(periodOf(new Date(at))).toBe(period);
  });
});

describe('dayOf (Asia/Shanghai, UTC+8)', () => {
  it.each<[string, string]>([
    ['2026-11-05T15:59:59.999Z', '2026-11-05'],
    ['2026-11-05T16:00:00Z', '2026-11-06'],
    ['2026-11-06T09:00:00+08:00', '2026-11-06'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2028-02-28T16:00:00Z', '2028-02-29'],
  ])('%p → %p', (at, day) => {
    expect(dayOf(new Date(at))).toBe(day);
  });
});

describe('dueDateOf', () => {
  const EMPTY = workingCalendar();
  // A test fixture shaped like a province's entries, not the product's data (which invents none).
  const FIXTURE = workingCalendar({
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2027-01-01', '2027-01-05'],
    workdays: ['2026-10-10'],
  });

  it.each<[string, string, number, boolean, string]>([
    ['empty', '2026-10', 5, false, '2026-11-05'],
    ['empty', '2026-12', 5, false, '2027-01-05'], // year end
    ['empty', '2026-01', 15, false, '2026-02-16'], // 15 February 2026 is a Sunday
    ['empty', '2026-06', 1, false, '2026-07-01'],
    ['empty', '2026-06', 28, false, '2026-07-28'],
    ['empty', '2026-08', 5, false, '2026-09-07'], // 5 September 2026 is a Saturday
    ['empty', '2026-01', 31, false, '2026-03-02'], // February is shorter: its last day, a Saturday, then on
    ['empty', '2026-03', 31, false, '2026-04-30'], // April's last day
    ['fixture', '2026-09', 5, false, '2026-10-08'], // a holiday spanning the due day
    ['fixture', '2026-09', 10, false, '2026-10-10'], // due on the make-up Saturday
    ['fixture', '2026-09', 5, true, '2026-10-13'], // 5th working day: 8, 9, 10 (Sat), 12, 13
    ['empty', '2026-09', 5, true, '2026-10-07'],
    ['fixture', '2026-12', 5, false, '2027-01-06'], // next year's calendar decides December
    ['fixture', '2026-12', 1, true, '2027-01-04'],
    ['empty', '2026-12', 1, true, '2027-01-01'],
    ['fixture', '2026-10', 5, false, '2026-11-05'], // a holiday elsewhere changes nothing
  ])('%s calendar: %p due on day %p (working days: %p) → %p', (which, period, dueDay, dueOnWorkingDay, expected) => {
    const calendar = which === 'empty' ? EMPTY : FIXTURE;
    expect(dueDateOf(period, { dueDay, dueOnWorkingDay, calendar })).toBe(expected);
  });

  it('refuses a due day before the first', () => {
    expect(() => dueDateOf('2026-10', { dueDay: 0, dueOnWorkingDay: false, calendar: EMPTY })).toThrow(RangeError);
  });
});

describe('isLate (end of the due day, Shanghai time)', () => {
  it.each<[string, string, boolean]>([
    ['2026-11-05T23:59:59.999+08:00', '2026-11-05', false],
    ['2026-11-06T00:00:00+08:00', '2026-11-05', true],
    ['2026-11-05T15:59:59.999Z', '2026-11-05', false],
    ['2026-11-05T16:00:00Z', '2026-11-05', true],
    ['2026-11-01T09:00:00+08:00', '2026-11-05', false],
    ['2026-12-01T09:00:00+08:00', '2026-11-05', true],
  ])('submitted %p, due %p → late %p', (at, dueDate, late) => {
    expect(isLate(new Date(at), dueDate)).toBe(late);
  });
});
