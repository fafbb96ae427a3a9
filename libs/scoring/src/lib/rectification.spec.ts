import {
  isRectificationOverdue,
  rectificationCauses,
  rectificationDeadline,
  rectificationStatusOn,
  workingDaysLeft,
} from './rectification';
import { workingCalendar } from './working-calendar';

/** A test fixture shaped like a province's entries (National Day week, a make-up Saturday). */
const CALENDAR = workingCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
});
const EMPTY = workingCalendar();

describe('rectificationDeadline', () => {
  it.each<[string, number, string, string]>([
    // Published Wed 30 Sep: Oct 1–7 are off, Sat 10 Oct is worked.
    ['2026-09-30', 1, '2026-10-08', 'the first working day after the holiday'],
    ['2026-09-30', 3, '2026-10-10', 'the make-up Saturday counts'],
    ['2026-09-30', 10, '2026-10-20', 'ten working days across the holiday'],
    ['2026-11-26', 10, '2026-12-10', 'ten working days over two weekends'],
    ['2026-11-28', 1, '2026-11-30', 'published on a Saturday: the Monday'],
  ])('%s + %d working days → %s (%s)', (raisedOn, workingDays, expected) => {
    const calendar = raisedOn.startsWith('2026-09') ? CALENDAR : EMPTY;
    expect(rectificationDeadline({ raisedOn, workingDays, calendar })).toBe(expected);
  });

  it('with an empty calendar only weekends are skipped', () => {
    expect(rectificationDeadline({ raisedOn: '2026-09-30', workingDays: 1, calendar: EMPTY })).toBe(
      '2026-10-01',
    );
  });

  it.each([0, -1, 1.5])('refuses %p working days', (workingDays) => {
    expect(() =>
      rectificationDeadline({ raisedOn: '2026-09-30', workingDays, calendar: EMPTY }),
    ).toThrow(RangeError);
  });
});

describe('overdue, derived from the deadline', () => {
  it.each<['open' | 'responded' | 'closed', string, string, boolean]>([
    ['open', '2026-12-10', '2026-12-09', false],
    ['open', '2026-12-10', '2026-12-10', false],
    ['open', '2026-12-10', '2026-12-11', true],
    ['responded', '2026-12-10', '2026-12-11', true],
    ['closed', '2026-12-10', '2026-12-11', false],
    ['closed', '2026-12-10', '2027-06-01', false],
  ])('%s, deadline %s, on %s → overdue %p', (status, deadline, today, overdue) => {
    expect(isRectificationOverdue({ status, deadline, today })).toBe(overdue);
    expect(rectificationStatusOn({ status, deadline, today })).toBe(overdue ? 'overdue' : status);
  });
});

describe('workingDaysLeft', () => {
  it.each<[string, string, number]>([
    ['2026-12-10', '2026-12-10', 0],
    ['2026-12-09', '2026-12-10', 1],
    ['2026-12-04', '2026-12-07', 1], // Fri → Mon
    ['2026-12-05', '2026-12-07', 1], // Sat → Mon
    ['2026-11-26', '2026-12-10', 10],
    ['2026-12-05', '2026-12-06', 0], // a Sunday deadline from Saturday: no working day left
    ['2026-12-11', '2026-12-10', -1],
    ['2026-12-14', '2026-12-11', -1], // Mon after a Friday deadline
    ['2026-12-14', '2026-12-12', -1], // Mon after a Saturday deadline
    ['2026-12-10', '2026-11-26', -10],
  ])('from %s to %s → %d', (today, deadline, expected) => {
    expect(workingDaysLeft({ today, deadline, calendar: EMPTY })).toBe(expected);
  });

  it('skips the holiday week', () => {
    expect(
      workingDaysLeft({ today: '2026-09-30', deadline: '2026-10-09', calendar: CALENDAR }),
    ).toBe(2);
    expect(
      workingDaysLeft({ today: '2026-10-09', deadline: '2026-09-30', calendar: CALENDAR }),
    ).toBe(-2);
  });
});

describe('rectificationCauses', () => {
  it.each<[string, Parameters<typeof rectificationCauses>[0], (string | null)[]]>([
    [
      'a pass with no indicator at its floor',
      { grade: 'pass', indicators: [{ code: 'a', score: 50, denominator: 10 }] },
      [],
    ],
    [
      'a fail: the overall result',
      { grade: 'fail', indicators: [{ code: 'a', score: 10, denominator: 10 }] },
      [null],
    ],
    [
      'a fail with two indicators at their floor',
      {
        grade: 'fail',
        indicators: [
          { code: 'a', score: 0, denominator: 10 },
          { code: 'b', score: 0, denominator: '3' },
        ],
      },
      [null, 'a', 'b'],
    ],
    [
      'an indicator at its floor in a good month',
      { grade: 'good', indicators: [{ code: 'a', score: 0, denominator: 1 }] },
      ['a'],
    ],
    [
      'an indicator not applicable (denominator 0)',
      { grade: 'good', indicators: [{ code: 'a', score: 0, denominator: 0 }] },
      [],
    ],
    [
      'an indicator with no score',
      { grade: 'good', indicators: [{ code: 'a', score: null, denominator: 0 }] },
      [],
    ],
    ['not reported (no grade)', { grade: null, indicators: [] }, []],
  ])('%s', (_name, result, expected) => {
    expect(rectificationCauses(result)).toEqual(expected);
  });
});
