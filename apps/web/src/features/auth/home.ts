import { hasPermission, type Permission } from '@scorecard/access';
import type { Role } from '@scorecard/contracts';
import type { RouteLocationRaw } from 'vue-router';

/** Where each role starts: the province its overview, a city its counties' review, heads and staff their own agency. */
export function homeRouteFor(user: { role: Role; agencyCode: string } | null): RouteLocationRaw {
  switch (user?.role) {
    case 'national_admin':
    case 'province_admin':
      return { name: 'overview' };
    case 'city_admin':
      return { name: 'review' };
    case 'agency_head':
    case 'staff':
      return { name: 'my-ranking' };
    case undefined:
      // Not logged in yet: log in first, then come back to "/" and the role's home.
      return { name: 'login' };
  }
}

/**
 * The permission each guarded page needs (the router's `meta.permission` and the menus read this);
 * pages not named here are open to every logged-in user.
 */
export const PAGE_PERMISSION = {
  // The overview compares the agencies one reviews; those who review none see their own ranking.
  overview: 'submission.review',
  review: 'submission.review',
  entry: 'submission.write',
  imports: 'submission.write',
  months: 'period.manage',
  users: 'user.manage',
  queues: 'queue.operate',
  calendar: 'calendar.manage',
  rectifications: 'rectification.read',
  scheme: 'scheme.manage',
  appeals: 'appeal.read',
  badReviews: 'badReview.read',
} as const satisfies Record<string, Permission>;

/** Whether a user may open a page needing `permission` (none needed: everyone logged in). */
export function mayOpen(
  user: { role: Role } | null | undefined,
  permission: Permission | undefined,
): boolean {
  if (permission === undefined) return user != null;
  return user != null && hasPermission(user, permission);
}

export interface NavItem {
  name: string;
  labelKey: string;
}

/** The header links a role sees, in order; each shows where the role has the permission behind it. */
export function navItemsFor(role: Role | null | undefined): NavItem[] {
  const user = role == null ? null : { role };
  const items: NavItem[] = [];
  if (mayOpen(user, PAGE_PERMISSION.overview)) {
    items.push({ name: 'overview', labelKey: 'nav.overview' });
  }
  // Those who review counties but do not run the months review from their own page; the
  // province follows the review on the months page.
  if (mayOpen(user, PAGE_PERMISSION.review) && !mayOpen(user, PAGE_PERMISSION.months)) {
    items.push({ name: 'review', labelKey: 'nav.review' });
  }
  // The nation's tables are the country's, not a province's.
  items.push({
    name: 'rankings',
    labelKey: role === 'national_admin' ? 'nav.rankingsNation' : 'nav.rankings',
  });
  if (user != null && !mayOpen(user, PAGE_PERMISSION.overview)) {
    items.push({ name: 'my-ranking', labelKey: 'nav.myRanking' });
  }
  if (mayOpen(user, PAGE_PERMISSION.entry)) items.push({ name: 'entry', labelKey: 'nav.entry' });
  if (mayOpen(user, PAGE_PERMISSION.imports)) {
    items.push({ name: 'imports', labelKey: 'nav.imports' });
  }
  if (mayOpen(user, PAGE_PERMISSION.months)) items.push({ name: 'months', labelKey: 'nav.months' });
  if (mayOpen(user, PAGE_PERMISSION.users)) items.push({ name: 'users', labelKey: 'nav.users' });
  if (mayOpen(user, PAGE_PERMISSION.calendar)) {
    items.push({ name: 'calendar', labelKey: 'nav.calendar' });
  }
  if (mayOpen(user, PAGE_PERMISSION.scheme)) items.push({ name: 'scheme', labelKey: 'nav.scheme' });
  items.push({ name: 'bulletin', labelKey: 'nav.bulletin' });
  if (mayOpen(user, PAGE_PERMISSION.rectifications)) {
    items.push({ name: 'rectifications', labelKey: 'nav.rectifications' });
  }
  if (mayOpen(user, PAGE_PERMISSION.appeals))
    items.push({ name: 'appeals', labelKey: 'nav.appeals' });
  if (mayOpen(user, PAGE_PERMISSION.badReviews)) {
    items.push({ name: 'bad-reviews', labelKey: 'nav.badReviews' });
  }
  items.push({ name: 'stars', labelKey: 'nav.stars' });
  items.push({ name: 'star-wall', labelKey: 'nav.starWall' });
  items.push({ name: 'honours', labelKey: 'nav.honours' });
  if (mayOpen(user, PAGE_PERMISSION.queues)) items.push({ name: 'queues', labelKey: 'nav.queues' });
  return items;
}
