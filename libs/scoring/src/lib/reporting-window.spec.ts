import { isMultiMonthWindow, parseWindow, previousWindow } from './reporting-window';

describe('parseWindow', () => {
  it.each([
    ['2026-Q3', 'quarter', ['2026-07', '2026-08', '2026-09']],
    ['2026-Q1', 'quarter', ['2026-01', '2026-02', '2026-03']],
    ['2026-H1', 'half', ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']],
    ['2026-H2', 'half', ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']],
    ['2026-09', 'month', ['2026-09']],
  ])('%s is a %s of %j', (text, kind, months) => {
    expect(parseWindow(text)).toEqual({ kind, period: text, year: 2026, months });
  });

  it('reads a bare year as its twelve months', () => {
    const year = parseWindow('2026');
    expect(year?.kind).toBe('year');
    expect(year?.months).toHaveLength(12);
    expect([year?.months[0], year?.months[11]]).toEqual(['2026-01', '2026-12']);
  });

  it.each(['2026-Q5', '2026-Q0', '2026-H3', '2026-13', '2026-00', '26-Q1', '2026Q1', '2026-q1', '2026-', '', ' 2026', '2026-Q1x'])(
    'refuses %j',
    (text) => {
      expect(parseWindow(text)).toBeNull();
    },
  );

  it('tells a window longer than a month from a month', () => {
    expect(isMultiMonthWindow('2026-Q3')).toBe(true);
    expect(isMultiMonthWindow('2026')).toBe(true);
    expect(isMultiMonthWindow('2026-07')).toBe(false);
    expect(isMultiMonthWindow('nonsense')).toBe(false);
  });
});

describe('previousWindow', () => {
  it.each([
    ['2026-Q3', '2026-Q2'],
    ['2026-Q1', '2025-Q4'],
    ['2026-H2', '2026-H1'],
    ['2026-H1', '2025-H2'],
    ['2026', '2025'],
    ['2026-01', '2025-12'],
  ])('before %s comes %s', (text, previous) => {
    const window = parseWindow(text);
    if (!window) throw new Error(`unparsed ${text}`);
    expect(previousWindow(window)).toEqual(parseWindow(previous));
  });
});
