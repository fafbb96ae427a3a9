import {
  badReviewDeadline,
  badReviewStatusOn,
  isBadReviewLevel,
  isBadReviewOverdue,
  type StoredBadReviewStatus,
} from './bad-review';
import { workingCalendar } from './working-calendar';

describe('isBadReviewLevel', () => {
  it.each([
    [1, true],
    [2, true],
    [3, false],
    [4, false],
    [5, false],
  ])('level %i → %s', (level, expected) => {
    expect(isBadReviewLevel(level)).toBe(expected);
  });
});

describe('isBadReviewOverdue', () => {
  const cases: [StoredBadReviewStatus, string, boolean][] = [
    ['open', '2026-11-30', false],
    ['open', '2026-12-01', false],
    ['open', '2026-12-02', true],
    ['verified', '2026-12-02', true],
    ['appealed', '2026-12-02', true],
    ['closed', '2026-12-02', false],
    ['voided', '2026-12-02', false],
  ];
  it.each(cases)('%s, today %s, deadline 2026-12-01 → %s', (status, today, expected) => {
    expect(isBadReviewOverdue({ status, today, deadline: '2026-12-01' })).toBe(expected);
    expect(badReviewStatusOn({ status, today, deadline: '2026-12-01' })).toBe(
      expected ? 'overdue' : status,
    );
  });
});

describe('badReviewDeadline', () => {
  it('counts working days after the import day, skipping weekends and holidays', () => {
    // Thursday 2026-11-26; a holiday on Monday 30 November.
    const calendar = workingCalendar({ holidays: ['2026-11-30'], workdays: [] });
    expect(badReviewDeadline({ importedOn: '2026-11-26', workingDays: 1, calendar })).toBe(
      '2026-11-27',
    );
    expect(badReviewDeadline({ importedOn: '2026-11-26', workingDays: 2, calendar })).toBe(
      '2026-12-01',
    );
    expect(
      badReviewDeadline({ importedOn: '2026-11-26', workingDays: 15, calendar: workingCalendar() }),
    ).toBe('2026-12-17');
  });

  it('refuses a period below one working day', () => {
    expect(() =>
      badReviewDeadline({ importedOn: '2026-11-26', workingDays: 0, calendar: workingCalendar() }),
    ).toThrow(RangeError);
  });
});
