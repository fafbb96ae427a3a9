import type { CountyReviewDto, PeriodStatus, ReviewState } from '@scorecard/contracts';

/** Reviewed means settled for the month: approved, or waived (免报). */
export function isReviewed(state: ReviewState): boolean {
  return state === 'approved' || state === 'waived';
}

/** How many of the counties are reviewed, of how many. */
export function reviewProgress(reviews: readonly CountyReviewDto[]): {
  reviewed: number;
  total: number;
} {
  return {
    reviewed: reviews.filter((review) => isReviewed(review.state)).length,
    total: reviews.length,
  };
}

/**
 * What a reviewer may do with a county's submission: only while the month is open and the county
 * has sent figures. A returned one may still be approved (the figures were fine after all), an
 * approved one returned (a mistake found later); a county not reported or waived has nothing to decide.
 */
export function reviewActions(
  state: ReviewState,
  month: PeriodStatus | undefined,
): { approve: boolean; return: boolean } {
  if (month !== 'open') return { approve: false, return: false };
  return {
    approve: state === 'pending' || state === 'returned',
    return: state === 'pending' || state === 'approved',
  };
}
