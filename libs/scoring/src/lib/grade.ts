/** The five grades (五档); the codes are the API's. */
export type Grade = 'excellent' | 'good' | 'pass' | 'basic' | 'fail';

export interface GradeBand {
  grade: Grade;
  /** Lowest composite (inclusive) that earns this grade. */
  min: number;
  labelZh: string;
  labelEn: string;
}

const BANDS: GradeBand[] = [
  { grade: 'excellent', min: 90, labelZh: '优秀', labelEn: 'Excellent' },
  { grade: 'good', min: 80, labelZh: '良好', labelEn: 'Good' },
  { grade: 'pass', min: 70, labelZh: '合格', labelEn: 'Pass' },
  { grade: 'basic', min: 60, labelZh: '基本合格', labelEn: 'Basic pass' },
  { grade: 'fail', min: 0, labelZh: '不合格', labelEn: 'Fail' },
];

/** Highest band first; frozen, as the web and the API share it. */
export const GRADE_BANDS: readonly Readonly<GradeBand>[] = Object.freeze(
  BANDS.map((band) => Object.freeze(band)),
);

/** A scheme's band as grading reads it: composites at or above `min` get `grade`. */
export interface GradeThreshold {
  grade: Grade;
  min: number;
}

/**
 * Grade of a composite already rounded to 2 decimals: 90 → excellent, 89.99 → good under the
 * default bands; a scheme version passes its own `bands` (any order).
 */
export function gradeFor(
  roundedScore: number,
  bands: readonly Readonly<GradeThreshold>[] = GRADE_BANDS,
): Grade {
  if (!Number.isFinite(roundedScore)) {
    throw new RangeError(`Not a score: ${roundedScore}`);
  }
  // Compare whole hundredths so float noise (89.99999999999999 for 90) cannot change a grade.
  const hundredths = Math.round(roundedScore * 100);
  const band = [...bands]
    .sort((a, b) => b.min - a.min)
    .find(({ min }) => hundredths >= Math.round(min * 100));
  return band?.grade ?? 'fail';
}
