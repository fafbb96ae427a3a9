import type { CountyReviewDto, ReviewState } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { reviewActions, reviewProgress } from './review-state';

const county = (agencyCode: string, state: ReviewState): CountyReviewDto => ({
  agencyCode,
  name: agencyCode,
  state,
  reason: null,
  by: null,
  at: null,
});

describe('reviewProgress', () => {
  it('counts approved and waived counties as reviewed, and nothing else', () => {
    expect(
      reviewProgress([
        county('330102', 'approved'),
        county('330105', 'waived'),
        county('330106', 'pending'),
        county('330108', 'returned'),
        county('330109', 'not_reported'),
      ]),
    ).toEqual({ reviewed: 2, total: 5 });
    expect(reviewProgress([])).toEqual({ reviewed: 0, total: 0 });
  });
});

describe('reviewActions', () => {
  it.each<[ReviewState, boolean, boolean]>([
    ['pending', true, true],
    ['returned', true, false],
    ['approved', false, true],
    ['waived', false, false],
    ['not_reported', false, false],
  ])('offers for a %s county in an open month: approve %s, return %s', (state, approve, ret) => {
    expect(reviewActions(state, 'open')).toEqual({ approve, return: ret });
  });

  it('offers nothing once the month is locked or published', () => {
    expect(reviewActions('pending', 'locked')).toEqual({ approve: false, return: false });
    expect(reviewActions('pending', 'published')).toEqual({ approve: false, return: false });
    expect(reviewActions('pending', undefined)).toEqual({ approve: false, return: false });
  });
});
