import { describe, expect, it } from 'vitest';
import type { Permission } from '@scorecard/access';
import { homeRouteFor, mayOpen, navItemsFor, PAGE_PERMISSION } from './home';

describe('homeRouteFor', () => {
  it('starts each role on its own screen', () => {
    expect(homeRouteFor({ role: 'province_admin', agencyCode: '330000' })).toEqual({
      name: 'overview',
    });
    // A city starts on its counties' review: their league table with each one's review state.
    expect(homeRouteFor({ role: 'city_admin', agencyCode: '330100' })).toEqual({ name: 'review' });
    expect(homeRouteFor({ role: 'agency_head', agencyCode: '330102' })).toEqual({
      name: 'my-ranking',
    });
    // Staff start on their own agency's page, as heads do.
    expect(homeRouteFor({ role: 'staff', agencyCode: '330102' })).toEqual({ name: 'my-ranking' });
    expect(homeRouteFor(null)).toEqual({ name: 'login' });
  });
});

describe('navItemsFor', () => {
  const names = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.name);

  it('shows month management to the province only and data entry to all but staff', () => {
    expect(names('province_admin')).toEqual([
      'overview',
      'rankings',
      'entry',
      'imports',
      'months',
      'users',
      'calendar',
      'scheme',
      'bulletin',
      'rectifications',
      'appeals',
      'bad-reviews',
      'stars',
      'star-wall',
      'honours',
      'queues',
    ]);
    expect(names('agency_head')).toEqual([
      'rankings',
      'my-ranking',
      'entry',
      'imports',
      'bulletin',
      'rectifications',
      'appeals',
      'bad-reviews',
      'stars',
      'star-wall',
      'honours',
    ]);
    expect(names('staff')).toEqual(['rankings', 'my-ranking', 'bulletin', 'stars', 'star-wall', 'honours']);
  });

  it('names the league tables after whose they are: the country’s for the nation', () => {
    const label = (role: Parameters<typeof navItemsFor>[0]) =>
      navItemsFor(role).find((item) => item.name === 'rankings')?.labelKey;
    expect(label('national_admin')).toBe('nav.rankingsNation');
    expect(label('province_admin')).toBe('nav.rankings');
    expect(label('staff')).toBe('nav.rankings');
  });

  it('derives each link from the permission behind it, the national administrator included', () => {
    expect(names('national_admin')).toEqual(names('province_admin'));
    expect(names('city_admin')).toEqual([
      'overview',
      'review',
      'rankings',
      'entry',
      'imports',
      'users',
      'bulletin',
      'rectifications',
      'appeals',
      'bad-reviews',
      'stars',
      'star-wall',
      'honours',
    ]);
    expect(names(null)).toEqual(['rankings', 'bulletin', 'stars', 'star-wall', 'honours']);
  });
});

describe('mayOpen', () => {
  const roles = ['national_admin', 'province_admin', 'city_admin', 'agency_head', 'staff'] as const;

  it('keeps month management to those who manage months and the overview to reviewers', () => {
    expect(mayOpen({ role: 'province_admin' }, PAGE_PERMISSION.months)).toBe(true);
    expect(mayOpen({ role: 'agency_head' }, PAGE_PERMISSION.months)).toBe(false);
    expect(mayOpen({ role: 'staff' }, PAGE_PERMISSION.months)).toBe(false);
    expect(mayOpen({ role: 'city_admin' }, PAGE_PERMISSION.months)).toBe(false);
    expect(mayOpen({ role: 'agency_head' }, PAGE_PERMISSION.overview)).toBe(false);
    expect(mayOpen({ role: 'staff' }, PAGE_PERMISSION.entry)).toBe(false);
    expect(mayOpen({ role: 'agency_head' }, PAGE_PERMISSION.entry)).toBe(true);
  });

  it('opens people management to province and city administrators only', () => {
    expect(roles.filter((role) => mayOpen({ role }, PAGE_PERMISSION.users))).toEqual([
      'national_admin',
      'province_admin',
      'city_admin',
    ]);
  });

  it('keeps the assessment scheme to the province', () => {
    expect(mayOpen({ role: 'province_admin' }, PAGE_PERMISSION.scheme)).toBe(true);
    for (const role of ['city_admin', 'agency_head', 'staff'] as const) {
      expect(mayOpen({ role }, PAGE_PERMISSION.scheme)).toBe(false);
      expect(navItemsFor(role).map((item) => item.name)).not.toContain('scheme');
    }
  });

  it('keeps the working-day calendar to the province', () => {
    expect(mayOpen({ role: 'province_admin' }, PAGE_PERMISSION.calendar)).toBe(true);
    expect(mayOpen({ role: 'national_admin' }, PAGE_PERMISSION.calendar)).toBe(true);
    for (const role of ['city_admin', 'agency_head', 'staff'] as const) {
      expect(mayOpen({ role }, PAGE_PERMISSION.calendar)).toBe(false);
      expect(navItemsFor(role).map((item) => item.name)).not.toContain('calendar');
    }
  });

  it('opens pages without a permission to anyone logged in, and nothing to no one', () => {
    expect(mayOpen({ role: 'staff' }, undefined)).toBe(true);
    expect(mayOpen(null, undefined)).toBe(false);
  });

  it("never sends a role home to a page it may not open (the guard's redirect cannot loop)", () => {
    for (const role of roles) {
      const home = homeRouteFor({ role, agencyCode: '330102' }) as { name: string };
      const permission = (PAGE_PERMISSION as Record<string, Permission | undefined>)[home.name];
      expect(mayOpen({ role }, permission)).toBe(true);
    }
  });
});
