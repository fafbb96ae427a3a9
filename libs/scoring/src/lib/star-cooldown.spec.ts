import { DEFAULT_STAR_COOLDOWN_MONTHS, findCooldownConflict } from './star-cooldown';

describe('findCooldownConflict', () => {
  it('defaults to 12 months', () => {
    expect(DEFAULT_STAR_COOLDOWN_MONTHS).toBe(12);
  });

  it.each<[string, string, string[], number, string | null]>([
    ['never a star', '2026-10', [], 12, null],
    ['star 11 months before', '2026-10', ['2025-11'], 12, '2025-11'],
    ['star exactly 12 months before', '2026-10', ['2025-10'], 12, null],
    ['star 13 months before', '2026-10', ['2025-09'], 12, null],
    ['star the month before', '2026-10', ['2026-09'], 12, '2026-09'],
    ['star in a later month (a month named late)', '2026-03', ['2026-09'], 12, '2026-09'],
    ['across the year end', '2027-01', ['2026-12'], 12, '2026-12'],
    ['the nearest of several', '2026-10', ['2025-12', '2026-06', '2025-01'], 12, '2026-06'],
    ['the earlier on equal distance', '2026-06', ['2026-09', '2026-03'], 12, '2026-03'],
    ['a shorter cooldown', '2026-10', ['2026-06'], 3, null],
    ['a shorter cooldown, inside', '2026-10', ['2026-08'], 3, '2026-08'],
    ['no cooldown at all', '2026-10', ['2026-09'], 0, null],
  ])('%s', (_name, period, starPeriods, cooldownMonths, expected) => {
    expect(findCooldownConflict({ period, starPeriods, cooldownMonths })).toBe(expected);
  });

  it.each([
    ['2026-13', [], 12],
    ['2026-10', ['26-10'], 12],
    ['2026-10', [], -1],
    ['2026-10', [], 1.5],
  ])('rejects %p / %p / %p', (period, starPeriods, cooldownMonths) => {
    expect(() => findCooldownConflict({ period, starPeriods, cooldownMonths })).toThrow(RangeError);
  });
});
