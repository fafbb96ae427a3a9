import { buildAgencyTree } from '@scorecard/scoring';
import { followUpsToAnswer } from './follow-ups-to-answer';

const TREE = buildAgencyTree([
  { code: '330000', parentCode: null },
  { code: '330100', parentCode: '330000' },
  { code: '330102', parentCode: '330100' },
  { code: '330105', parentCode: '330100' },
]);

describe('followUpsToAnswer', () => {
  it('gives a head its own agency for every kind', () => {
    expect(followUpsToAnswer(TREE, { role: 'agency_head', agencyCode: '330102' })).toEqual({
      rectification: ['330102'],
      badReview: ['330102'],
      appeal: ['330102'],
    });
  });

  it.each(['province_admin', 'city_admin', 'staff'] as const)(
    'gives a %s nothing to answer',
    (role) => {
      const codes =
        role === 'province_admin' ? '330000' : role === 'city_admin' ? '330100' : '330102';
      expect(followUpsToAnswer(TREE, { role, agencyCode: codes })).toEqual({
        rectification: [],
        badReview: [],
        appeal: [],
      });
    },
  );
});
