import { type Caller, reaches } from '@scorecard/access';
import type { RectificationDto } from '@scorecard/contracts';
import type { AgencyTree } from '@scorecard/scoring';

/** The tag colour of each (derived) status. */
export const RECTIFICATION_STATUS_TYPE = {
  overdue: 'danger',
  open: 'warning',
  responded: 'primary',
  closed: 'success',
} as const;

/** The message key of an item's status (a withdrawn item reads as such). */
export function rectificationStatusKey(
  item: Pick<RectificationDto, 'status' | 'closedAs'>,
): string {
  return item.closedAs === 'withdrawn'
    ? 'rectifications.status.withdrawn'
    : `rectifications.status.${item.status}`;
}

/** What the user may do with an item now, by the shared access rules and the item's stage. */
export function rectificationActions(
  item: Pick<RectificationDto, 'stage' | 'agencyCode'>,
  user: Caller | null | undefined,
  tree: AgencyTree,
): { respond: boolean; verify: boolean } {
  if (!user) return { respond: false, verify: false };
  return {
    respond: item.stage === 'open' && reaches(user, 'rectification.respond', item.agencyCode, tree),
    verify:
      item.stage === 'responded' && reaches(user, 'rectification.verify', item.agencyCode, tree),
  };
}
