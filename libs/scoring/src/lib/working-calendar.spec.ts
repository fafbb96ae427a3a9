import { addCalendarDays, isIsoDay, workingCalendar } from './working-calendar';

/**
 * A test fixture shaped like a province's entries (National Day week with two make-up days, a
 * New Year's Day off in the next year); not the product's data, which invents no holidays.
 */
const FIXTURE = workingCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2027-01-01'],
  workdays: ['2026-09-20', '2026-10-10'],
});
const EMPTY = workingCalendar();

describe('isIsoDay', () => {
  it.each<[string, boolean]>([
    ['2026-10-01', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026/10/01', false],
    ['2026-10-01T00:00', false],
    ['', false],
  ])('%p → %p', (value, expected) => {
    expect(isIsoDay(value)).toBe(expected);
  });
});

describe('addCalendarDays', () => {
  it.each<[string, number, string]>([
    ['2026-10-31', 1, '2026-11-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
  ])('%p + %p → %p', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });
});

describe('isWorkingDay', () => {
  it.each<[string, string, boolean]>([
    ['empty', '2026-10-02', true], // Friday
    ['empty', '2026-10-03', false], // Saturday
    ['empty', '2026-10-04', false], // Sunday
    ['empty', '2026-10-05', true], // Monday
    ['fixture', '2026-10-01', false], // a listed holiday on a Thursday
    ['fixture', '2026-10-03', false], // a Saturday inside the holiday, not listed: still a weekend
    ['fixture', '2026-10-08', true],
    ['fixture', '2026-10-10', true], // make-up Saturday
    ['fixture', '2026-09-20', true], // make-up Sunday
    ['fixture', '2026-10-11', false], // the Sunday after the make-up Saturday
    ['fixture', '2027-01-01', false], // next year's holiday
  ])('%s calendar: %p → %p', (which, date, expected) => {
    expect((which === 'empty' ? EMPTY : FIXTURE).isWorkingDay(date)).toBe(expected);
  });

  it('refuses something that is not a day', () => {
    expect(() => EMPTY.isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each<[string, string, number, string]>([
    ['empty', '2026-11-05', 0, '2026-11-05'],
    ['empty', '2026-10-03', 0, '2026-10-03'], // zero steps stay put, even on a weekend
    ['empty', '2026-11-05', 1, '2026-11-06'],
    ['empty', '2026-11-05', 2, '2026-11-09'], // over the weekend
    ['empty', '2026-10-30', 1, '2026-11-02'], // month end on a Friday
    ['empty', '2026-12-31', 1, '2027-01-01'], // year end
    ['fixture', '2026-12-31', 1, '2027-01-04'], // year end into next year's holiday
    ['empty', '2026-10-03', 1, '2026-10-05'], // from a Saturday
    ['fixture', '2026-09-30', 1, '2026-10-08'], // over the whole holiday
    ['fixture', '2026-09-30', 3, '2026-10-10'], // onto the make-up Saturday
    ['fixture', '2026-10-09', 2, '2026-10-12'],
    ['fixture', '2026-09-18', 1, '2026-09-20'], // a make-up Sunday counts
    ['empty', '2026-09-18', 1, '2026-09-21'],
    ['fixture', '2026-10-01', 5, '2026-10-13'], // rectification deadline started inside the holiday
    ['fixture', '2026-10-08', -1, '2026-09-30'], // back over the holiday
    ['empty', '2026-01-05', -1, '2026-01-02'], // back over a weekend
    ['fixture', '2027-01-04', -1, '2026-12-31'], // back over next year's holiday and the year end
    ['empty', '2026-11-02', 20, '2026-11-30'],
  ])('%s calendar: %p + %p working days → %p', (which, date, n, expected) => {
    expect((which === 'empty' ? EMPTY : FIXTURE).addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses fractions of a working day and non-days', () => {
    expect(() => EMPTY.addWorkingDays('2026-11-05', 1.5)).toThrow(RangeError);
    expect(() => EMPTY.addWorkingDays('2026-11-31', 1)).toThrow(RangeError);
  });
});

describe('nthWorkingDayOfMonth', () => {
  it.each<[string, string, number, string]>([
    ['empty', '2026-11', 1, '2026-11-02'], // 1 November 2026 is a Sunday
    ['empty', '2026-11', 5, '2026-11-06'],
    ['empty', '2026-10', 1, '2026-10-01'],
    ['fixture', '2026-10', 1, '2026-10-08'], // National Day week
    ['fixture', '2026-10', 3, '2026-10-10'], // the make-up Saturday
    ['fixture', '2026-10', 4, '2026-10-12'],
    ['empty', '2027-01', 1, '2027-01-01'],
    ['fixture', '2027-01', 1, '2027-01-04'],
    ['empty', '2026-02', 20, '2026-02-27'], // February 2026 has 20 weekdays
    ['empty', '2026-02', 21, '2026-03-02'], // counting runs on into March
    ['empty', '2026-12', 23, '2026-12-31'],
    ['empty', '2026-12', 24, '2027-01-01'],
  ])('%s calendar: %p working day %p → %p', (which, period, n, expected) => {
    expect((which === 'empty' ? EMPTY : FIXTURE).nthWorkingDayOfMonth(period, n)).toBe(expected);
  });

  it('counts from 1', () => {
    expect(() => EMPTY.nthWorkingDayOfMonth('2026-10', 0)).toThrow(RangeError);
  });
});
