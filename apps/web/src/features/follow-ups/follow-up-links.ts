import type { FollowUpDto } from '@scorecard/contracts';
import type { RouteLocationRaw } from 'vue-router';

/** Where a follow-up is answered: its kind's page, on its month. */
export function followUpLink(item: Pick<FollowUpDto, 'kind' | 'period'>): RouteLocationRaw {
  const name = { rectification: 'rectifications', badReview: 'bad-reviews', appeal: 'appeals' }[
    item.kind
  ];
  return { name, query: { period: item.period } };
}

/** The test id of a follow-up's line in "needs you": a rectification keeps its plain id. */
export function needsYouTestId(item: Pick<FollowUpDto, 'kind' | 'id'>): string {
  return item.kind === 'rectification'
    ? `needs-you-${item.id}`
    : `needs-you-${item.kind === 'badReview' ? 'bad-review' : 'appeal'}-${item.id}`;
}
