import { describe, expect, it } from 'vitest';
import { PERIODS } from '../../testing/rankings.fixture';
import { agenciesInScope, defaultEntryPeriod } from './entry-scope';

const AGENCIES = [
  { code: '330000', name: '浙江省', level: 'province' as const, parentCode: null },
  { code: '330100', name: '杭州市', level: 'city' as const, parentCode: '330000' },
  { code: '330105', name: '拱墅区', level: 'county' as const, parentCode: '330100' },
  { code: '330102', name: '上城区', level: 'county' as const, parentCode: '330100' },
  { code: '330200', name: '宁波市', level: 'city' as const, parentCode: '330000' },
];

describe('agenciesInScope', () => {
  const codes = (
    role: 'province_admin' | 'city_admin' | 'agency_head' | 'staff',
    agencyCode: string,
  ) => agenciesInScope(AGENCIES, { role, agencyCode }).map((a) => a.code);

  it('gives the province everything, a city its subtree, a head its own agency, staff nothing', () => {
    expect(codes('province_admin', '330000')).toEqual([
      '330000',
      '330100',
      '330102',
      '330105',
      '330200',
    ]);
    expect(codes('city_admin', '330100')).toEqual(['330100', '330102', '330105']);
    expect(codes('agency_head', '330102')).toEqual(['330102']);
    expect(codes('staff', '330102')).toEqual([]);
  });
});

describe('defaultEntryPeriod', () => {
  it('opens on the month being collected', () => {
    expect(defaultEntryPeriod(PERIODS)).toBe('2026-10');
    expect(defaultEntryPeriod(PERIODS.filter((p) => p.status !== 'open'))).toBe('2026-09');
    expect(defaultEntryPeriod([])).toBeNull();
  });
});
