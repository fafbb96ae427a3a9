import type { Grade } from '@scorecard/contracts';

/** Best first. */
export const GRADE_ORDER: readonly Grade[] = ['excellent', 'good', 'pass', 'basic', 'fail'];

export interface GradeSwatch {
  /** Fill colour (Okabe–Ito, distinguishable with the common colour-vision deficiencies). */
  color: string;
  /** Text colour on that fill with at least 4.5:1 contrast. */
  textColor: string;
}

export const GRADE_PALETTE: Readonly<Record<Grade, GradeSwatch>> = {
  excellent: { color: '#0072B2', textColor: '#FFFFFF' },
  good: { color: '#56B4E9', textColor: '#1A1A1A' },
  pass: { color: '#009E73', textColor: '#1A1A1A' },
  basic: { color: '#E69F00', textColor: '#1A1A1A' },
  fail: { color: '#D55E00', textColor: '#1A1A1A' },
};

/** i18n key of a grade's label (优秀, 良好, 合格, 基本合格, 不合格). */
export function gradeLabelKey(grade: Grade): string {
  return `grade.${grade}`;
}
