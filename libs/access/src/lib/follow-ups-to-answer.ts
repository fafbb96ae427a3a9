import type { AgencyTree } from '@scorecard/scoring';
import type { Permission } from './permissions';
import { agenciesReachable } from './reach';
import type { Caller } from './roles';

/** The permission by which an agency answers each kind of follow-up (its head, today). */
export const FOLLOW_UP_ANSWER = {
  rectification: 'rectification.respond',
  badReview: 'badReview.handle',
  appeal: 'appeal.raise',
} as const satisfies Record<string, Permission>;

/** Per kind of follow-up, the agencies whose follow-ups the caller answers ("needs you"). */
export function followUpsToAnswer(
  tree: AgencyTree,
  caller: Caller,
): Record<keyof typeof FOLLOW_UP_ANSWER, string[]> {
  return {
    rectification: agenciesReachable(tree, caller, FOLLOW_UP_ANSWER.rectification),
    badReview: agenciesReachable(tree, caller, FOLLOW_UP_ANSWER.badReview),
    appeal: agenciesReachable(tree, caller, FOLLOW_UP_ANSWER.appeal),
  };
}
