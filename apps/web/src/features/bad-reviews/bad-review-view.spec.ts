import { buildAgencyTree } from '@scorecard/scoring';
import { describe, expect, it } from 'vitest';
import { badReviewActions } from './bad-review-view';

const TREE = buildAgencyTree([
  { code: '330000', parentCode: null },
  { code: '330100', parentCode: '330000' },
  { code: '330102', parentCode: '330100' },
  { code: '330105', parentCode: '330100' },
]);
const head = { role: 'agency_head' as const, agencyCode: '330102' };
const province = { role: 'province_admin' as const, agencyCode: '330000' };
const city = { role: 'city_admin' as const, agencyCode: '330100' };

describe('badReviewActions', () => {
  const item = (
    stage: 'open' | 'verified' | 'appealed' | 'closed' | 'voided',
    agencyCode = '330102',
  ) => ({
    stage,
    agencyCode,
  });
  it('lets the agency head verify, resolve and appeal its own cases by stage', () => {
    expect(badReviewActions(item('open'), head, TREE)).toEqual({
      verify: true,
      resolve: false,
      appeal: true,
      rule: false,
    });
    expect(badReviewActions(item('verified'), head, TREE)).toEqual({
      verify: false,
      resolve: true,
      appeal: true,
      rule: false,
    });
    expect(badReviewActions(item('closed'), head, TREE)).toEqual({
      verify: false,
      resolve: false,
      appeal: false,
      rule: false,
    });
    expect(badReviewActions(item('open', '330105'), head, TREE).verify).toBe(false);
  });

  it('lets the province, not the city nor the head, rule on an appealed case', () => {
    expect(badReviewActions(item('appealed'), province, TREE).rule).toBe(true);
    expect(badReviewActions(item('appealed'), city, TREE).rule).toBe(false);
    expect(badReviewActions(item('appealed'), head, TREE).rule).toBe(false);
    expect(badReviewActions(item('open'), province, TREE)).toEqual({
      verify: false,
      resolve: false,
      appeal: false,
      rule: false,
    });
    expect(badReviewActions(item('open'), null, TREE).verify).toBe(false);
  });
});
