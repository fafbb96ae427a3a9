import { buildAgencyTree } from '@scorecard/scoring';
import { mayReadMonthPart, monthPartTarget, provinceToRead } from './month-parts';
import type { Caller } from './roles';

const NATION = buildAgencyTree([
  { code: '000000', parentCode: null, level: 'nation' },
  { code: '330000', parentCode: '000000', level: 'province' },
  { code: '330100', parentCode: '330000', level: 'city' },
  { code: '440000', parentCode: '000000', level: 'province' },
  { code: '440100', parentCode: '440000', level: 'city' },
]);
const ZHEJIANG = buildAgencyTree([
  { code: '330000', parentCode: null, level: 'province' },
  { code: '330100', parentCode: '330000', level: 'city' },
]);

const nation: Caller = { role: 'national_admin', agencyCode: '000000' };
const zhejiang: Caller = { role: 'province_admin', agencyCode: '330000' };
const guangdong: Caller = { role: 'province_admin', agencyCode: '440000' };
const cityAdmin: Caller = { role: 'city_admin', agencyCode: '440100' };

describe('monthPartTarget', () => {
  it.each([
    [
      'a province admin naming nothing acts on its own part',
      guangdong,
      undefined,
      { kind: 'part', province: '440000' },
    ],
    [
      'a province admin naming its own province',
      guangdong,
      '440000',
      { kind: 'part', province: '440000' },
    ],
    ["a province admin naming another province's part", zhejiang, '440000', { kind: 'denied' }],
    [
      'the national admin naming a province',
      nation,
      '330000',
      { kind: 'part', province: '330000' },
    ],
    [
      'the national admin naming nothing acts on the national month',
      nation,
      undefined,
      { kind: 'nation' },
    ],
    ['a city is not a province', nation, '440100', { kind: 'unknown' }],
    ['an unknown code', nation, '990000', { kind: 'unknown' }],
    ['a city admin manages no month', cityAdmin, undefined, { kind: 'denied' }],
  ] as const)('%s', (_label, caller, named, expected) => {
    expect(monthPartTarget(caller, NATION, named)).toEqual(expected);
  });

  it("is the whole month in a province's own deployment", () => {
    expect(monthPartTarget(zhejiang, ZHEJIANG)).toEqual({ kind: 'month' });
    expect(monthPartTarget(zhejiang, ZHEJIANG, '330000')).toEqual({ kind: 'month' });
    expect(monthPartTarget(zhejiang, ZHEJIANG, '330100')).toEqual({ kind: 'denied' });
  });
});

describe('mayReadMonthPart', () => {
  it('lets a province read its own part and the nation read every part', () => {
    expect(mayReadMonthPart(guangdong, NATION, '440000')).toBe(true);
    expect(mayReadMonthPart(cityAdmin, NATION, '440000')).toBe(true);
    expect(mayReadMonthPart(zhejiang, NATION, '440000')).toBe(false);
    expect(mayReadMonthPart(nation, NATION, '440000')).toBe(true);
  });
});

describe('provinceToRead', () => {
  const head: Caller = { role: 'agency_head', agencyCode: '440100' };
  it.each([
    [
      "a province's user naming nothing reads its own province",
      head,
      undefined,
      { kind: 'province', province: '440000' },
    ],
    [
      'a province admin naming its own province by two digits',
      guangdong,
      '44',
      { kind: 'province', province: '440000' },
    ],
    [
      'a province admin naming its own province by code',
      guangdong,
      '440000',
      { kind: 'province', province: '440000' },
    ],
    [
      'a province admin naming another province',
      zhejiang,
      '44',
      { kind: 'denied', province: '440000' },
    ],
    ['a head naming another province', head, '330000', { kind: 'denied', province: '330000' }],
    [
      'the national admin naming a province',
      nation,
      '33',
      { kind: 'province', province: '330000' },
    ],
    [
      'the national admin naming nothing reads the provinces compared',
      nation,
      undefined,
      { kind: 'nation' },
    ],
    ['a city is not a province', nation, '440100', { kind: 'unknown' }],
    ['a malformed code is not a province', nation, '4401', { kind: 'unknown' }],
    ['an unknown province', nation, '99', { kind: 'unknown' }],
  ] as const)('%s', (_label, caller, named, expected) => {
    expect(provinceToRead(caller, NATION, named)).toEqual(expected);
  });

  it("is the whole tree in a province's own deployment", () => {
    expect(provinceToRead(zhejiang, ZHEJIANG)).toEqual({ kind: 'tree' });
    expect(provinceToRead(zhejiang, ZHEJIANG, '33')).toEqual({ kind: 'tree' });
    expect(provinceToRead(zhejiang, ZHEJIANG, '330000')).toEqual({ kind: 'tree' });
    expect(provinceToRead(zhejiang, ZHEJIANG, '440000')).toEqual({ kind: 'unknown' });
  });
});
