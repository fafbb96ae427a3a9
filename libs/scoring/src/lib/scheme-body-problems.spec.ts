import { type SchemeBody, schemeBodyProblems } from './scheme-body-problems';

const indicator = (
  code: string,
  weight: number,
  extra: Partial<SchemeBody['indicators'][number]> = {},
) => ({
  code,
  nameZh: '指标',
  nameEn: 'Indicator',
  dimension: '业务经办',
  numeratorLabel: '分子',
  denominatorLabel: '分母',
  weight,
  target: 1,
  floor: 0.6,
  allowAbove: false,
  monetary: false,
  ...extra,
});

const valid = (): SchemeBody => ({
  effectiveFrom: '2026-11',
  reason: '调整权重',
  dueDay: 5,
  dueOnWorkingDay: false,
  rectifyWorkingDays: 10,
  appealWorkingDays: 3,
  badReviewWorkingDays: 15,
  warnings: { failMonths: 2, lastMonths: 2, belowFloorMonths: 3, improvingMonths: 3 },
  grades: [
    { code: 'excellent', label: '优秀', min: 90 },
    { code: 'good', label: '良好', min: 80 },
    { code: 'pass', label: '合格', min: 70 },
    { code: 'basic', label: '基本合格', min: 60 },
    { code: 'fail', label: '不合格', min: 0 },
  ],
  indicators: [indicator('collection', 60), indicator('remote_filing2', 40)],
});

/** The fields and keys found after `change` is applied to a valid body. */
const problemsAfter = (change: (body: SchemeBody) => void, year = 2026) => {
  const body = valid();
  change(body);
  return schemeBodyProblems(year, body).map(({ field, key }) => [field, key]);
};

describe('schemeBodyProblems', () => {
  it('finds nothing wrong with a valid body', () => {
    expect(schemeBodyProblems(2026, valid())).toEqual([]);
  });

  it.each<[string, (body: SchemeBody) => void, [string, string][]]>([
    [
      'a month of another year',
      (b) => (b.effectiveFrom = '2027-01'),
      [['effectiveFrom', 'scheme.effectiveFromOutsideYear']],
    ],
    [
      'not a month',
      (b) => (b.effectiveFrom = '2026-13'),
      [['effectiveFrom', 'scheme.effectiveFromOutsideYear']],
    ],
    ['a blank reason', (b) => (b.reason = '  '), [['reason', 'scheme.textRequired']]],
    ['due day 0', (b) => (b.dueDay = 0), [['dueDay', 'scheme.wholeNumberBetween']]],
    ['due day 29', (b) => (b.dueDay = 29), [['dueDay', 'scheme.wholeNumberBetween']]],
    ['due day 5.5', (b) => (b.dueDay = 5.5), [['dueDay', 'scheme.wholeNumberBetween']]],
    [
      '61 working days to rectify',
      (b) => (b.rectifyWorkingDays = 61),
      [['rectifyWorkingDays', 'scheme.wholeNumberBetween']],
    ],
    [
      '0 working days to appeal',
      (b) => (b.appealWorkingDays = 0),
      [['appealWorkingDays', 'scheme.wholeNumberBetween']],
    ],
    [
      '0 days for a bad review',
      (b) => (b.badReviewWorkingDays = 0),
      [['badReviewWorkingDays', 'scheme.wholeNumberBetween']],
    ],
    [
      'a warning after 13 months',
      (b) => (b.warnings.failMonths = 13),
      [['warnings.failMonths', 'scheme.wholeNumberBetween']],
    ],
    [
      'a warning after 0 months',
      (b) => (b.warnings.improvingMonths = 0),
      [['warnings.improvingMonths', 'scheme.wholeNumberBetween']],
    ],
    [
      'weights summing to 90',
      (b) => (b.indicators[1].weight = 30),
      [['indicators', 'scheme.weightsSum']],
    ],
    [
      'a fractional weight',
      (b) => (b.indicators[1].weight = 39.5),
      [['indicators[1].weight', 'scheme.weightPositiveWhole']],
    ],
    [
      'a weight of 0',
      (b) => {
        b.indicators[0].weight = 100;
        b.indicators[1].weight = 0;
      },
      [['indicators[1].weight', 'scheme.weightPositiveWhole']],
    ],
    [
      'a code with a capital',
      (b) => (b.indicators[1].code = 'Remote'),
      [['indicators[1].code', 'scheme.codeFormat']],
    ],
    [
      'a code starting with a digit',
      (b) => (b.indicators[1].code = '1st'),
      [['indicators[1].code', 'scheme.codeFormat']],
    ],
    [
      'a code twice',
      (b) => (b.indicators[1].code = 'collection'),
      [['indicators[1].code', 'scheme.codeDuplicated']],
    ],
    [
      'floor equal to target',
      (b) => (b.indicators[0].floor = 1),
      [['indicators[0].floor', 'scheme.floorBelowTarget']],
    ],
    [
      'floor above target',
      (b) => (b.indicators[0].floor = 1.2),
      [['indicators[0].floor', 'scheme.floorBelowTarget']],
    ],
    [
      'a negative floor',
      (b) => (b.indicators[0].floor = -0.1),
      [['indicators[0].floor', 'scheme.fraction']],
    ],
    [
      'seven decimals',
      (b) => (b.indicators[0].target = 0.9876543),
      [['indicators[0].target', 'scheme.fraction']],
    ],
    [
      'target above 100 % without allowAbove',
      (b) => (b.indicators[0].target = 1.05),
      [['indicators[0].target', 'scheme.targetAboveOne']],
    ],
    [
      'a blank dimension',
      (b) => (b.indicators[0].dimension = ''),
      [['indicators[0].dimension', 'scheme.textRequired']],
    ],
    ['no indicator', (b) => (b.indicators = []), [['indicators', 'scheme.noIndicators']]],
    ['four grades', (b) => b.grades.pop(), [['grades', 'scheme.gradeCount']]],
    [
      'grades out of order',
      (b) => {
        b.grades[0].code = 'good';
        b.grades[1].code = 'excellent';
      },
      [
        ['grades[0].code', 'scheme.gradeCode'],
        ['grades[1].code', 'scheme.gradeCode'],
      ],
    ],
    [
      'bands not strictly descending',
      (b) => (b.grades[2].min = 80),
      [['grades[2].min', 'scheme.gradeDescending']],
    ],
    [
      'the last band above 0',
      (b) => (b.grades[4].min = 10),
      [['grades[4].min', 'scheme.gradeLastZero']],
    ],
    ['a band above 100', (b) => (b.grades[0].min = 101), [['grades[0].min', 'scheme.gradeMin']]],
  ])('refuses %s', (_name, change, expected) => {
    expect(problemsAfter(change)).toEqual(expected);
  });

  it('allows a target above 100 % when the numerator may exceed the denominator', () => {
    expect(
      problemsAfter((b) => Object.assign(b.indicators[0], { target: 1.05, allowAbove: true })),
    ).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(
      problemsAfter((b) => {
        b.dueDay = 0;
        b.indicators[1].code = 'collection';
        b.indicators[1].floor = 2;
      }),
    ).toEqual([
      ['dueDay', 'scheme.wholeNumberBetween'],
      ['indicators[1].code', 'scheme.codeDuplicated'],
      ['indicators[1].floor', 'scheme.floorBelowTarget'],
    ]);
  });

  it('names the first place of a duplicated code', () => {
    const body = valid();
    body.indicators[1].code = 'collection';
    expect(schemeBodyProblems(2026, body)[0].params).toEqual({
      code: 'collection',
      first: 'indicators[0]',
    });
  });
});
