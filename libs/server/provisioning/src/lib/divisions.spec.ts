import { knownProvinces, loadProvinceDivisions } from './divisions';

describe('loadProvinceDivisions', () => {
  const everyProvince = knownProvinces().map((province) => ({
    province,
    agencies: loadProvinceDivisions(province.code),
  }));

  it('knows all 31 provinces of the mainland', () => {
    expect(everyProvince).toHaveLength(31);
  });

  it('gives every agency of the country one code, across levels and provinces', () => {
    const codes = everyProvince.flatMap(({ agencies }) => agencies.map((agency) => agency.code));
    expect(codes.length).toBeGreaterThan(3000);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
  });

  it('hangs every agency under one that exists, one level up or at the province', () => {
    for (const { agencies } of everyProvince) {
      const byCode = new Map(agencies.map((agency) => [agency.code, agency]));
      const roots = agencies.filter((agency) => agency.parentCode === null);
      expect(roots).toEqual([expect.objectContaining({ level: 'province' })]);
      for (const agency of agencies.filter((row) => row.parentCode !== null)) {
        const parent = byCode.get(agency.parentCode as string);
        expect(parent).toBeDefined();
        if (agency.level === 'city') expect(parent?.level).toBe('province');
        if (agency.level === 'county') expect(['city', 'province']).toContain(parent?.level);
      }
    }
  });

  it('shows no statistical grouping as a city', () => {
    const cityNames = everyProvince.flatMap(({ agencies }) =>
      agencies.filter((agency) => agency.level === 'city').map((agency) => agency.name),
    );
    for (const grouping of ['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])
      expect(cityNames).not.toContain(grouping);
  });

  it('puts the districts of a municipality directly under it', () => {
    const beijing = loadProvinceDivisions('11');
    expect(beijing.filter((agency) => agency.level === 'city')).toEqual([]);
    expect(beijing.find((agency) => agency.name === '海淀区')).toEqual({
      code: '110108',
      name: '海淀区',
      level: 'county',
      parentCode: '110000',
    });
    // Chongqing's counties (县) join its districts (市辖区) under the municipality.
    const chongqing = loadProvinceDivisions('50');
    expect(chongqing.find((agency) => agency.name === '巫山县')?.parentCode).toBe('500000');
    expect(chongqing.find((agency) => agency.name === '渝中区')?.parentCode).toBe('500000');
  });

  it('puts a county-level city governed by the province under the province', () => {
    expect(loadProvinceDivisions('41').find((agency) => agency.name === '济源市')).toEqual({
      code: '419001',
      name: '济源市',
      level: 'county',
      parentCode: '410000',
    });
    expect(loadProvinceDivisions('42').find((agency) => agency.name === '仙桃市')?.parentCode).toBe('420000');
  });

  it('keeps a city without counties once, as a city', () => {
    const guangdong = loadProvinceDivisions('44');
    for (const [code, name] of [
      ['441900', '东莞市'],
      ['442000', '中山市'],
    ]) {
      expect(guangdong.filter((agency) => agency.code === code)).toEqual([
        { code, name, level: 'city', parentCode: '440000' },
      ]);
      expect(guangdong.filter((agency) => agency.parentCode === code)).toEqual([]);
    }
    expect(loadProvinceDivisions('46').filter((agency) => agency.code === '460400')).toEqual([
      { code: '460400', name: '儋州市', level: 'city', parentCode: '460000' },
    ]);
  });

  it('leaves a province without traps as the package lists it', () => {
    const zhejiang = loadProvinceDivisions('33');
    expect(zhejiang.filter((agency) => agency.level === 'city')).toHaveLength(11);
    expect(zhejiang.find((agency) => agency.code === '330102')).toMatchObject({ parentCode: '330100' });
  });
});
