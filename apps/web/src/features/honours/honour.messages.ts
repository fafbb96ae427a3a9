/** The honour roll page's texts, in every language: loaded with the page, not with the app. */
export const HONOUR_MESSAGES = {
  'zh-CN': {
    honours: {
      title: '荣誉榜',
      year: '年度',
      yearOption: '{year} 年',
      lead: '按全年已发布月份的分子、分母合计评定等级（优秀、良好），并表彰当年确认的每月服务之星。',
      cities: '优秀、良好地市',
      counties: '优秀、良好区县',
      stars: '年度服务之星',
      rank: '第 {rank} 名',
      score: '{score} 分',
      noAgencies: '本年度暂无获评优秀、良好的机构',
      noStars: '本年度暂无确认的服务之星',
      noYear: '暂无已发布的月份',
    },
  },
  en: {
    honours: {
      title: 'Honour roll',
      year: 'Year',
      yearOption: '{year}',
      lead: 'Grades (excellent, good) come from the numerators and denominators summed over the year’s published months; the service stars are those confirmed each month of the year.',
      cities: 'Cities graded excellent or good',
      counties: 'Counties graded excellent or good',
      stars: 'Service stars of the year',
      rank: 'No. {rank}',
      score: '{score} points',
      noAgencies: 'No agency is graded excellent or good this year yet',
      noStars: 'No service star confirmed this year yet',
      noYear: 'No month published yet',
    },
  },
};
