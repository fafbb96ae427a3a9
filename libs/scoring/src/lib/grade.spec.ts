import { GRADE_BANDS, gradeFor, type Grade } from './grade';

describe('gradeFor', () => {
  it.each<[number, Grade]>([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.99, 'good'],
    [80, 'good'],
    [79.99, 'pass'],
    [70, 'pass'],
    [69.99, 'basic'],
    [60, 'basic'],
    [59.99, 'fail'],
    [0, 'fail'],
    [95.5, 'excellent'],
    [85, 'good'],
    [72.34, 'pass'],
    [61, 'basic'],
    [12.5, 'fail'],
    [-5, 'fail'],
    [150, 'excellent'],
  ])('%p → %p', (score, grade) => {
    expect(gradeFor(score)).toBe(grade);
  });

  it('is not fooled by float noise around a boundary', () => {
    expect(0.1 * 3 * 300).not.toBe(90);
    expect(gradeFor(0.1 * 3 * 300)).toBe('excellent'); // 90.00000000000001
    expect(gradeFor(89.99999999999999)).toBe('excellent');
    expect(gradeFor(59.99999999999999)).toBe('basic');
  });

  it.each([Number.NaN, Infinity, -Infinity])('rejects %p', (score) => {
    expect(() => gradeFor(score)).toThrow(RangeError);
  });
});

describe('GRADE_BANDS', () => {
  it('lists the five grades, highest first, with their labels', () => {
    expect(GRADE_BANDS).toEqual([
      { grade: 'excellent', min: 90, labelZh: '优秀', labelEn: 'Excellent' },
      { grade: 'good', min: 80, labelZh: '良好', labelEn: 'Good' },
      { grade: 'pass', min: 70, labelZh: '合格', labelEn: 'Pass' },
      { grade: 'basic', min: 60, labelZh: '基本合格', labelEn: 'Basic pass' },
      { grade: 'fail', min: 0, labelZh: '不合格', labelEn: 'Fail' },
    ]);
  });

  it('agrees with gradeFor at every band minimum', () => {
    for (const { grade, min } of GRADE_BANDS) {
      expect(gradeFor(min)).toBe(grade);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(GRADE_BANDS)).toBe(true);
    expect(GRADE_BANDS.every((band) => Object.isFrozen(band))).toBe(true);
  });
});

describe('gradeFor with a scheme version’s own bands', () => {
  const STRICT = [
    { grade: 'excellent', min: 95 },
    { grade: 'good', min: 85.5 },
    { grade: 'pass', min: 75 },
    { grade: 'basic', min: 65 },
    { grade: 'fail', min: 0 },
  ] as const;

  it.each<[number, Grade]>([
    [100, 'excellent'],
    [95, 'excellent'],
    [94.99, 'good'],
    [90, 'good'],
    [85.5, 'good'],
    [85.49, 'pass'],
    [75, 'pass'],
    [70, 'basic'],
    [65, 'basic'],
    [64.99, 'fail'],
    [0, 'fail'],
  ])('%p → %p', (score, grade) => {
    expect(gradeFor(score, STRICT)).toBe(grade);
  });

  it('reads bands in any order', () => {
    expect(gradeFor(90, [...STRICT].reverse())).toBe('good');
  });

  it('leaves the default bands as they are', () => {
    expect(gradeFor(90)).toBe('excellent');
  });
});
