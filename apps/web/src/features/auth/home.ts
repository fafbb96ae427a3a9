import { hasPermission, type Permission } from '@scorecard/access';
import type { Role } from '@scorecard/contracts';
import type { RouteLocationRaw } from 'vue-router';

/** Where each role starts: the province its overview, a city its counties, a head "my ranking". */
export function homeRouteFor(user: { role: Role; agencyCode: string } | null): RouteLocationRaw {
  switch (user?.role) {
    case 'national_admin':
    case 'province_admin':
      return { name: 'overview' };
    case 'city_admin':
      return { name: 'overview', query: { level: 'county', parent: user.agencyCode } };
    case 'agency_head':
      return { name: 'my-ranking' };
    case 'staff':
      return { name: 'rankings' };
    case undefined:
      // Not logged in yet: log in first, then come back to "/" and the role's home.
      return { name: 'login' };
  }
}

export interface NavItem {
  name: string;
  labelKey: string;
}

/** The header links a role sees, in order; each shows where the role has the permission behind it. */
export function navItemsFor(role: Role | null | undefined): NavItem[] {
  const may = (permission: Permission): boolean =>
    role != null && hasPermission({ role }, permission);
  const items: NavItem[] = [];
  // The overview compares the agencies one reviews; those who review none see their own ranking.
  if (may('submission.review')) items.push({ name: 'overview', labelKey: 'nav.overview' });
  items.push({ name: 'rankings', labelKey: 'nav.rankings' });
  if (role != null && !may('submission.review')) {
    items.push({ name: 'my-ranking', labelKey: 'nav.myRanking' });
  }
  if (may('submission.write')) {
    items.push({ name: 'entry', labelKey: 'nav.entry' });
    items.push({ name: 'imports', labelKey: 'nav.imports' });
  }
  if (may('period.manage')) items.push({ name: 'months', labelKey: 'nav.months' });
  items.push({ name: 'bulletin', labelKey: 'nav.bulletin' });
  items.push({ name: 'stars', labelKey: 'nav.stars' });
  items.push({ name: 'star-wall', labelKey: 'nav.starWall' });
  return items;
}
