import { describe, expect, it } from 'vitest';
import { homeRouteFor, navItemsFor } from './home';

describe('homeRouteFor', () => {
  it('starts each role on its own screen', () => {
    expect(homeRouteFor({ role: 'province_admin', agencyCode: '330000' })).toEqual({
      name: 'overview',
    });
    expect(homeRouteFor({ role: 'city_admin', agencyCode: '330100' })).toEqual({
      name: 'overview',
      query: { level: 'county', parent: '330100' },
    });
    expect(homeRouteFor({ role: 'agency_head', agencyCode: '330102' })).toEqual({
      name: 'my-ranking',
    });
    expect(homeRouteFor({ role: 'staff', agencyCode: '330102' })).toEqual({ name: 'rankings' });
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
      'bulletin',
      'stars',
      'star-wall',
    ]);
    expect(names('agency_head')).toEqual([
      'rankings',
      'my-ranking',
      'entry',
      'imports',
      'bulletin',
      'stars',
      'star-wall',
    ]);
    expect(names('staff')).toEqual(['rankings', 'my-ranking', 'bulletin', 'stars', 'star-wall']);
  });

  it('derives each link from the permission behind it, the national administrator included', () => {
    expect(names('national_admin')).toEqual(names('province_admin'));
    expect(names('city_admin')).toEqual([
      'overview',
      'rankings',
      'entry',
      'imports',
      'bulletin',
      'stars',
      'star-wall',
    ]);
    expect(names(null)).toEqual(['rankings', 'bulletin', 'stars', 'star-wall']);
  });
});
