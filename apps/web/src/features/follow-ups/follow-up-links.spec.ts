import { describe, expect, it } from 'vitest';
import { followUpLink, needsYouTestId } from './follow-up-links';

describe('followUpLink', () => {
  it.each([
    ['rectification', 'rectifications'],
    ['badReview', 'bad-reviews'],
    ['appeal', 'appeals'],
  ] as const)('answers a %s on the %s page of its month', (kind, name) => {
    expect(followUpLink({ kind, period: '2026-10' })).toEqual({
      name,
      query: { period: '2026-10' },
    });
  });
});

describe('needsYouTestId', () => {
  it('names each kind apart, the same id of two kinds included', () => {
    expect(needsYouTestId({ kind: 'rectification', id: '7' })).toBe('needs-you-7');
    expect(needsYouTestId({ kind: 'badReview', id: '7' })).toBe('needs-you-bad-review-7');
    expect(needsYouTestId({ kind: 'appeal', id: '7' })).toBe('needs-you-appeal-7');
  });
});
