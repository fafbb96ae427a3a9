import { calendarYearProblems } from './calendar-year-problems';

describe('calendarYearProblems', () => {
  it('accepts an empty year and a well-formed one', () => {
    expect(calendarYearProblems(2026, { holidays: [], workdays: [] })).toEqual([]);
    expect(
      calendarYearProblems(2026, {
        holidays: ['2026-10-01', '2026-12-31'],
        workdays: ['2026-01-01', '2026-10-10'],
      }),
    ).toEqual([]);
  });

  it.each<[string[], string[], { field: string; key: string; params: object }[]]>([
    [
      ['2026-02-30'],
      [],
      [{ field: 'holidays[0]', key: 'calendar.notADate', params: { value: '2026-02-30' } }],
    ],
    [
      ['2026/10/01'],
      [],
      [{ field: 'holidays[0]', key: 'calendar.notADate', params: { value: '2026/10/01' } }],
    ],
    [
      [],
      ['2025-12-31'],
      [
        {
          field: 'workdays[0]',
          key: 'calendar.outsideYear',
          params: { day: '2025-12-31', year: 2026 },
        },
      ],
    ],
    [
      ['2026-10-01', '2027-01-01'],
      [],
      [
        {
          field: 'holidays[1]',
          key: 'calendar.outsideYear',
          params: { day: '2027-01-01', year: 2026 },
        },
      ],
    ],
    [
      ['2026-10-01', '2026-10-01'],
      [],
      [
        {
          field: 'holidays[1]',
          key: 'calendar.listedTwice',
          params: { day: '2026-10-01', first: 'holidays[0]' },
        },
      ],
    ],
    [
      ['2026-10-10'],
      ['2026-10-10'],
      [
        {
          field: 'workdays[0]',
          key: 'calendar.holidayAndWorkday',
          params: { day: '2026-10-10', first: 'holidays[0]' },
        },
      ],
    ],
  ])('holidays %j, workdays %j → %j', (holidays, workdays, expected) => {
    expect(calendarYearProblems(2026, { holidays, workdays })).toEqual(expected);
  });

  it('names every bad entry, not only the first', () => {
    const problems = calendarYearProblems(2026, {
      holidays: ['x', '2026-01-01'],
      workdays: ['2025-01-01', '2026-01-01'],
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'holidays[0]',
      'workdays[0]',
      'workdays[1]',
    ]);
  });
});
