import type { StarRoundDto } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { formatStarScore, starActionsFor, voteStateFor } from './star-actions';

const round = (status: StarRoundDto['status'], endsAt = '2026-11-20T00:00:00Z'): StarRoundDto =>
  ({
    agencyCode: '330102',
    status,
    votedByMe: false,
    star:
      status === 'open'
        ? null
        : {
            candidateId: '1',
            staffUsername: 'staff-330102-4',
            name: '王芳',
            post: '窗口服务员',
            total: 82,
            selectedAt: '2026-11-15T00:00:00Z',
            publicityEndsAt: endsAt,
            confirmedAt: null,
          },
  }) as StarRoundDto;
const head = { username: 'head-330102', role: 'agency_head' as const, agencyCode: '330102' };
const staff = { username: 'staff-330102-1', role: 'staff' as const, agencyCode: '330102' };
const otherStaff = { username: 'staff-330105-1', role: 'staff' as const, agencyCode: '330105' };
const now = new Date('2026-11-17T00:00:00Z');

describe('starActionsFor', () => {
  it('lets the head manage an open round only', () => {
    expect(starActionsFor(round('open'), head, now)).toEqual({
      manage: true,
      object: false,
      resolve: true,
    });
    expect(starActionsFor(round('publicizing'), head, now).manage).toBe(false);
    expect(starActionsFor(round('open'), { ...head, agencyCode: '330105' }, now).manage).toBe(
      false,
    );
  });

  it('lets the agency’s staff object while the star is publicised and the window lasts', () => {
    expect(starActionsFor(round('publicizing'), staff, now).object).toBe(true);
    expect(starActionsFor(round('publicizing', '2026-11-16T00:00:00Z'), staff, now).object).toBe(
      false,
    );
    expect(starActionsFor(round('confirmed'), staff, now).object).toBe(false);
    expect(starActionsFor(round('publicizing'), otherStaff, now).object).toBe(false);
    expect(starActionsFor(round('publicizing'), head, now).object).toBe(false);
  });
});

describe('voteStateFor', () => {
  const candidate = { staffUsername: 'staff-330102-4', ineligibleCode: null };

  it('lets staff of the agency vote once, never for themselves', () => {
    expect(voteStateFor(round('open'), candidate, staff)).toBe('can-vote');
    expect(voteStateFor({ ...round('open'), votedByMe: true }, candidate, staff)).toBe('voted');
    expect(voteStateFor(round('open'), candidate, { ...staff, username: 'staff-330102-4' })).toBe(
      'self',
    );
  });

  it('offers no vote for a candidate inside the cooldown', () => {
    expect(voteStateFor(round('open'), { ...candidate, ineligibleCode: 'cooldown' }, staff)).toBe(
      'ineligible',
    );
  });

  it('marks the voter’s own choice once they have voted', () => {
    const voted = {
      ...round('open'),
      votedByMe: true,
      myVote: { candidateId: '7', name: '王芳' },
    };
    expect(voteStateFor(voted, { ...candidate, id: '7' }, staff)).toBe('my-choice');
    expect(voteStateFor(voted, { ...candidate, id: '8' }, staff)).toBe('voted');
  });

  it('closes voting once a star is selected or for a withdrawn candidate; others cannot vote', () => {
    expect(voteStateFor(round('publicizing'), candidate, staff)).toBe('closed');
    expect(voteStateFor(round('open'), { ...candidate, ineligibleCode: 'withdrawn' }, staff)).toBe(
      'closed',
    );
    expect(voteStateFor(round('open'), candidate, otherStaff)).toBe('not-staff');
    expect(voteStateFor(round('open'), candidate, head)).toBe('not-staff');
    expect(voteStateFor(round('open'), candidate, null)).toBe('not-staff');
  });
});

describe('formatStarScore', () => {
  it.each([
    [null, '—'],
    [82, '82'],
    [88.25, '88.25'],
    [66.66666666666667, '66.67'],
  ])('%p → %p', (value, text) => {
    expect(formatStarScore(value)).toBe(text);
  });
});
