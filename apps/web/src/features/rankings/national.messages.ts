/**
 * The texts of the national league tables (国家医保局: the provinces, and every city and county
 * of the country), in every language: loaded with the rankings page, not with the app's first
 * page. Its components read them as local messages.
 */
export const NATIONAL_MESSAGES = {
  'zh-CN': {
    national: {
      title: {
        province: '全国省份排名',
        city: '全国地市排名',
        county: '全国区县排名',
      },
      level: { province: '省份', city: '地市', county: '区县' },
      province: { label: '所属省份', all: '全国' },
      scope: { aggregate: '全省', own: '本级' },
      city: { all: '全部地市' },
      rank: '全国排名',
      region: '所属地区',
      caption: '全国排名明细',
      count: '显示 {shown} / {total} 个参与排名的机构 · {unreported} 个未报送',
      noMatch: '没有符合条件的机构',
    },
  },
  en: {
    national: {
      title: {
        province: 'National league table: provinces',
        city: 'National league table: cities',
        county: 'National league table: counties',
      },
      level: { province: 'Provinces', city: 'Cities', county: 'Counties' },
      province: { label: 'Province', all: 'Whole country' },
      scope: { aggregate: 'Whole province', own: 'Own office' },
      city: { all: 'All cities' },
      rank: 'National rank',
      region: 'Region',
      caption: 'National league table',
      count: 'Showing {shown} of {total} ranked agencies · {unreported} not reported',
      noMatch: 'No agency matches',
    },
  },
};
