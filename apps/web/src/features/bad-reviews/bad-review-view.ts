import { type Caller, reaches } from '@scorecard/access';
import type { BadReviewDto } from '@scorecard/contracts';
import type { AgencyTree } from '@scorecard/scoring';

export interface BadReviewActions {
  verify: boolean;
  resolve: boolean;
  appeal: boolean;
  rule: boolean;
}

/** What the user may do with a case now, by the shared access rules and the case's stage. */
export function badReviewActions(
  item: Pick<BadReviewDto, 'stage' | 'agencyCode'>,
  user: Caller | null | undefined,
  tree: AgencyTree,
): BadReviewActions {
  if (!user) return { verify: false, resolve: false, appeal: false, rule: false };
  const handles = reaches(user, 'badReview.handle', item.agencyCode, tree);
  return {
    verify: handles && item.stage === 'open',
    resolve: handles && item.stage === 'verified',
    appeal: handles && (item.stage === 'open' || item.stage === 'verified'),
    rule: item.stage === 'appealed' && reaches(user, 'badReview.rule', item.agencyCode, tree),
  };
}
