import type { RectificationDto } from '@scorecard/contracts';
import { buildAgencyTree } from '@scorecard/scoring';
import { describe, expect, it } from 'vitest';
import { rectificationActions, rectificationStatusKey } from './rectification-view';

const TREE = buildAgencyTree([
  { code: '330000', parentCode: null },
  { code: '330100', parentCode: '330000' },
  { code: '330200', parentCode: '330000' },
  { code: '330102', parentCode: '330100' },
]);

describe('rectificationActions', () => {
  it.each<
    [
      string,
      RectificationDto['stage'],
      { role: 'agency_head' | 'city_admin' | 'province_admin'; agencyCode: string },
      { respond: boolean; verify: boolean },
    ]
  >([
    [
      'the head answers its open item',
      'open',
      { role: 'agency_head', agencyCode: '330102' },
      { respond: true, verify: false },
    ],
    [
      'the head cannot verify its answered item',
      'responded',
      { role: 'agency_head', agencyCode: '330102' },
      { respond: false, verify: false },
    ],
    [
      'the city verifies its county’s answer',
      'responded',
      { role: 'city_admin', agencyCode: '330100' },
      { respond: false, verify: true },
    ],
    [
      'another city does not',
      'responded',
      { role: 'city_admin', agencyCode: '330200' },
      { respond: false, verify: false },
    ],
    [
      'the province does',
      'responded',
      { role: 'province_admin', agencyCode: '330000' },
      { respond: false, verify: true },
    ],
    [
      'nobody acts on a closed item',
      'closed',
      { role: 'province_admin', agencyCode: '330000' },
      { respond: false, verify: false },
    ],
  ])('%s', (_name, stage, user, expected) => {
    expect(rectificationActions({ stage, agencyCode: '330102' }, user, TREE)).toEqual(expected);
  });

  it('offers nothing to nobody', () => {
    expect(rectificationActions({ stage: 'open', agencyCode: '330102' }, null, TREE)).toEqual({
      respond: false,
      verify: false,
    });
  });
});

describe('rectificationStatusKey', () => {
  it.each([
    ['open', null, 'rectifications.status.open'],
    ['overdue', null, 'rectifications.status.overdue'],
    ['closed', 'accepted', 'rectifications.status.closed'],
    ['closed', 'withdrawn', 'rectifications.status.withdrawn'],
  ] as const)('reads %s (closed as %s) as %s', (status, closedAs, key) => {
    expect(rectificationStatusKey({ status, closedAs })).toBe(key);
  });
});
