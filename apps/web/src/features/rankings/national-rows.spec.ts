import type { AgencyDto, RankingRowDto } from '@scorecard/contracts';
import { buildAgencyTree } from '@scorecard/scoring';
import { describe, expect, it } from 'vitest';
import { narrowNationalRows, regionName } from './national-rows';

const AGENCIES: AgencyDto[] = [
  { code: '000000', name: '全国', level: 'nation', parentCode: null },
  { code: '330000', name: '浙江省', level: 'province', parentCode: '000000' },
  { code: '330100', name: '杭州市', level: 'city', parentCode: '330000' },
  { code: '330102', name: '上城区', level: 'county', parentCode: '330100' },
  { code: '330200', name: '宁波市', level: 'city', parentCode: '330000' },
  { code: '330203', name: '海曙区', level: 'county', parentCode: '330200' },
  { code: '440000', name: '广东省', level: 'province', parentCode: '000000' },
  { code: '440100', name: '广州市', level: 'city', parentCode: '440000' },
  { code: '440103', name: '荔湾区', level: 'county', parentCode: '440100' },
  { code: '460000', name: '海南省', level: 'province', parentCode: '000000' },
  { code: '460400', name: '儋州市', level: 'city', parentCode: '460000' },
];
const tree = buildAgencyTree(AGENCIES);
const byCode = new Map(AGENCIES.map((agency) => [agency.code, agency]));

function row(agencyCode: string, rank: number): RankingRowDto {
  const agency = byCode.get(agencyCode) as AgencyDto;
  return {
    rank,
    agencyCode,
    name: agency.name,
    level: agency.level,
    parentCode: agency.parentCode,
    score: 90 - rank,
    grade: 'excellent',
    rankChange: null,
    reported: true,
    indicators: {},
  };
}

const COUNTIES = [row('440103', 1), row('330203', 2), row('330102', 3)];

describe('narrowNationalRows', () => {
  it('keeps the whole country when nothing is chosen', () => {
    expect(narrowNationalRows(COUNTIES, { province: null, city: null }, tree)).toBe(COUNTIES);
  });

  it('keeps one province’s agencies with their national ranks', () => {
    const rows = narrowNationalRows(COUNTIES, { province: '330000', city: null }, tree);
    expect(rows.map((r) => [r.agencyCode, r.rank])).toEqual([
      ['330203', 2],
      ['330102', 3],
    ]);
  });

  it('keeps one city’s counties', () => {
    const rows = narrowNationalRows(COUNTIES, { province: '330000', city: '330100' }, tree);
    expect(rows.map((r) => r.agencyCode)).toEqual(['330102']);
  });

  it('narrows cities by province too', () => {
    const cities = [row('460400', 1), row('330100', 2), row('440100', 3)];
    const rows = narrowNationalRows(cities, { province: '440000', city: null }, tree);
    expect(rows.map((r) => r.agencyCode)).toEqual(['440100']);
  });
});

describe('regionName', () => {
  it('names a county’s province and city, a city’s province, nothing for a province', () => {
    expect(regionName('330102', byCode)).toBe('浙江省 · 杭州市');
    expect(regionName('460400', byCode)).toBe('海南省');
    expect(regionName('330000', byCode)).toBe('');
    expect(regionName('999999', byCode)).toBe('');
  });
});
