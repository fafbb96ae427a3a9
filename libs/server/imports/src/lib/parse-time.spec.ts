import { periodOf } from '@scorecard/scoring';
import { parseTime, shanghaiPeriodOf, timeByPattern } from './parse-time';

describe('parseTime', () => {
  it.each([
    ['2026-10-05T09:30:00+08:00', '2026-10-05T01:30:00.000Z'],
    ['2026-10-31T16:30:00Z', '2026-10-31T16:30:00.000Z'],
    ['2026-10-31T16:30:00z', '2026-10-31T16:30:00.000Z'],
    ['2026-10-05T09:30:00-05:00', '2026-10-05T14:30:00.000Z'],
    ['2026-10-05T09:30:00+0800', '2026-10-05T01:30:00.000Z'],
    ['2026-10-05T09:30:00+08', '2026-10-05T01:30:00.000Z'],
    ['2026-10-05T09:30:00.123+08:00', '2026-10-05T01:30:00.123Z'],
    ['2026-10-05T09:30:00,5+08:00', '2026-10-05T01:30:00.500Z'],
    // No offset: Beijing time.
    ['2026-10-05 09:30:00', '2026-10-05T01:30:00.000Z'],
    ['2026-10-05T09:30', '2026-10-05T01:30:00.000Z'],
    ['2026/10/5 9:30', '2026-10-05T01:30:00.000Z'],
    ['2026-11-01', '2026-10-31T16:00:00.000Z'],
    ['  2026-10-05 09:30:00  ', '2026-10-05T01:30:00.000Z'],
    ['2024-02-29 12:00:00', '2024-02-29T04:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    'yesterday',
    '',
    '2026-13-01',
    '2026-02-30',
    '2025-02-29',
    '2026-10-05 24:00',
    '2026-10-05 09:60',
    '20261005',
    '2026-10-05T09:30:00+08:00 extra',
  ])('refuses %j', (text) => {
    expect(parseTime(text)).toBeNull();
  });

  it('reads an Excel date cell (wall-clock time in the UTC fields) as Beijing time', () => {
    expect(parseTime(new Date(Date.UTC(2026, 9, 5, 9, 30)))?.toISOString()).toBe(
      '2026-10-05T01:30:00.000Z',
    );
  });

  it('reads an Excel serial number as a Beijing wall-clock time', () => {
    // 46300 is 2026-10-05 in Excel's 1900 date system; .5 is noon.
    expect(parseTime(46300.5)?.toISOString()).toBe('2026-10-05T04:00:00.000Z');
  });

  it('refuses other cells', () => {
    expect(parseTime(null)).toBeNull();
    expect(parseTime(true)).toBeNull();
    expect(parseTime({ formula: 'NOW()' })).toBeNull();
    expect(parseTime(new Date(Number.NaN))).toBeNull();
    expect(parseTime(-1)).toBeNull();
  });

  it('reads every machine-written time as the general pattern reads it (20,000 random texts)', () => {
    let state = 11;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const two = () => String(Math.floor(next() * 70)).padStart(2, '0');
    for (let i = 0; i < 20_000; i++) {
      const text =
        `${pick(['2026', '2024', '1999', '0026', '20x6'])}${pick(['-', '-', '/'])}${two()}-${two()}` +
        `${pick(['T', ' ', 't'])}${two()}:${two()}${pick([':', ':', '.'])}${two()}` +
        pick(['', 'Z', 'z', '+08:00', '-05:30', '+0800', '+99:99', '+8:00', ' ', 'Q']);
      const expected = timeByPattern(text)?.getTime() ?? null;
      if ((parseTime(text)?.getTime() ?? null) !== expected) {
        expect({ text, read: parseTime(text)?.toISOString() }).toEqual({ text, read: expected });
      }
    }
  });
});

describe('parseTime of plain texts', () => {
  it('counts every day as Date.UTC does, leap years and centuries included', () => {
    // Every day from 1599 to 2401, and the days that do not exist at each month's end.
    for (let day = Date.UTC(1599, 0, 1); day < Date.UTC(2402, 0, 1); day += 86_400_000) {
      const date = new Date(day);
      const text = `${date.toISOString().slice(0, 10)}T23:59:58Z`;
      if (parseTime(text)?.getTime() !== day + 86_398_000)
        expect({ text, read: parseTime(text) }).toBeNull();
      if (date.getUTCDate() === 28) {
        for (const extra of ['29', '30', '31', '32']) {
          const other = `${text.slice(0, 8)}${extra}${text.slice(10)}`;
          const expected = timeByPattern(other)?.getTime() ?? null;
          if ((parseTime(other)?.getTime() ?? null) !== expected)
            expect({ other, read: parseTime(other) }).toBeNull();
        }
      }
    }
  });
});

describe('shanghaiPeriodOf', () => {
  it('names the month as periodOf does, around every month boundary of three years', () => {
    for (let month = 0; month < 36; month++) {
      const start = Date.UTC(2025, month, 1) - 8 * 3600_000;
      for (const ms of [start - 1, start, start + 1, start + 15 * 86_400_000, start - 86_400_000]) {
        expect(shanghaiPeriodOf(new Date(ms))).toBe(periodOf(new Date(ms)));
      }
    }
  });
});
