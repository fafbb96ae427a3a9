import { buildAgencyTree } from '@scorecard/scoring';
import { provinceInNation, withinCallersProvince } from './national-scope';
import { visibleResults } from './result-visibility';
import type { Caller } from './roles';

/** Two provinces under the nation; Beijing's districts hang straight under the municipality. */
const NATION = buildAgencyTree([
  { code: '000000', parentCode: null, level: 'nation' },
  { code: '110000', parentCode: '000000', level: 'province' },
  { code: '110108', parentCode: '110000', level: 'county' },
  { code: '330000', parentCode: '000000', level: 'province' },
  { code: '330100', parentCode: '330000', level: 'city' },
  { code: '330102', parentCode: '330100', level: 'county' },
]);
const ZHEJIANG = buildAgencyTree([
  { code: '330000', parentCode: null, level: 'province' },
  { code: '330100', parentCode: '330000', level: 'city' },
  { code: '330102', parentCode: '330100', level: 'county' },
]);

const nation: Caller = { role: 'national_admin', agencyCode: '000000' };
const beijing: Caller = { role: 'province_admin', agencyCode: '110000' };
const zhejiangStaff: Caller = { role: 'staff', agencyCode: '330102' };
const published = { status: 'published' as const, publishedVersion: 1 };

describe('provinceInNation', () => {
  it('names the province below the nation root, and nothing outside a national tree', () => {
    expect(provinceInNation(NATION, '330102')).toBe('330000');
    expect(provinceInNation(NATION, '110108')).toBe('110000');
    expect(provinceInNation(NATION, '330000')).toBe('330000');
    expect(provinceInNation(NATION, '000000')).toBeNull();
    expect(provinceInNation(NATION, '999999')).toBeNull();
    expect(provinceInNation(ZHEJIANG, '330102')).toBeNull();
  });
});

describe('withinCallersProvince', () => {
  it("keeps a province's users inside it, and lets the nation's see every province", () => {
    expect(withinCallersProvince(beijing, '110108', NATION)).toBe(true);
    expect(withinCallersProvince(beijing, '330102', NATION)).toBe(false);
    expect(withinCallersProvince(beijing, '000000', NATION)).toBe(false);
    expect(withinCallersProvince(zhejiangStaff, '330100', NATION)).toBe(true);
    expect(withinCallersProvince(nation, '330102', NATION)).toBe(true);
    expect(withinCallersProvince(zhejiangStaff, '330000', ZHEJIANG)).toBe(true);
  });
});

describe('visibleResults in a national tree', () => {
  it("shows another province's published results to nobody of a province", () => {
    expect(
      visibleResults({ caller: beijing, month: published, agencies: ['330102'], tree: NATION }),
    ).toEqual({
      kind: 'none',
    });
    expect(
      visibleResults({
        caller: beijing,
        month: published,
        agencies: ['330102'],
        tree: NATION,
        requested: 1,
      }),
    ).toEqual({ kind: 'none' });
    expect(
      visibleResults({
        caller: zhejiangStaff,
        month: published,
        agencies: ['330100'],
        tree: NATION,
      }),
    ).toEqual({
      kind: 'published',
      version: 1,
    });
    expect(
      visibleResults({
        caller: nation,
        month: published,
        agencies: ['110108', '330102'],
        tree: NATION,
      }),
    ).toEqual({
      kind: 'published',
      version: 1,
    });
  });
});
