import { describe, expect, it } from 'vitest';
import { monthWeeks, sameDays, toggleDay, weekdayOf } from './calendar-grid';

const EMPTY = { holidays: [], workdays: [] };

describe('monthWeeks', () => {
  it('lays out November 2026 from Monday: the 1st is a Sunday', () => {
    const weeks = monthWeeks('2026-11', EMPTY);
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(weeks[0]?.[6]).toMatchObject({
      date: '2026-11-01',
      day: 1,
      weekend: true,
      working: false,
      kind: null,
    });
    expect(weeks[5]?.[0]).toMatchObject({ date: '2026-11-30', weekend: false, working: true });
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
  });

  it('marks listed holidays and make-up workdays and whether the day is worked', () => {
    const weeks = monthWeeks('2026-10', { holidays: ['2026-10-01'], workdays: ['2026-10-10'] });
    const cells = weeks.flat();
    expect(cells.find((cell) => cell?.date === '2026-10-01')).toMatchObject({
      kind: 'holiday',
      working: false,
    });
    expect(cells.find((cell) => cell?.date === '2026-10-10')).toMatchObject({
      kind: 'workday',
      weekend: true,
      working: true,
    });
    expect(cells.find((cell) => cell?.date === '2026-10-02')).toMatchObject({
      kind: null,
      working: true,
    });
  });

  it('ends February 2026 (28 days, from a Sunday) with full weeks', () => {
    const weeks = monthWeeks('2026-02', EMPTY);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
  });
});

describe('toggleDay', () => {
  it('makes a weekday a holiday and back', () => {
    const once = toggleDay(EMPTY, '2026-11-05');
    expect(once).toEqual({ holidays: ['2026-11-05'], workdays: [] });
    expect(toggleDay(once, '2026-11-05')).toEqual(EMPTY);
  });

  it('makes a weekend day a make-up workday and back', () => {
    const once = toggleDay(EMPTY, '2026-10-10');
    expect(once).toEqual({ holidays: [], workdays: ['2026-10-10'] });
    expect(toggleDay(once, '2026-10-10')).toEqual(EMPTY);
  });

  it('keeps the lists sorted', () => {
    expect(toggleDay({ holidays: ['2026-10-02'], workdays: [] }, '2026-10-01').holidays).toEqual([
      '2026-10-01',
      '2026-10-02',
    ]);
  });
});

describe('sameDays and weekdayOf', () => {
  it('compares regardless of order', () => {
    expect(
      sameDays({ holidays: ['b', 'a'], workdays: [] }, { holidays: ['a', 'b'], workdays: [] }),
    ).toBe(true);
    expect(sameDays({ holidays: ['a'], workdays: [] }, { holidays: [], workdays: ['a'] })).toBe(
      false,
    );
  });

  it('gives 0 for a Sunday', () => {
    expect(weekdayOf('2026-11-01')).toBe(0);
    expect(weekdayOf('2026-11-05')).toBe(4);
  });
});
