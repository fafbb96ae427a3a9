/**
 * The texts of the quarter / half-year / year choice and its note, in every language: loaded with
 * the window components (not with the app's first page). They read them as local messages.
 */
export const WINDOW_MESSAGES = {
  'zh-CN': {
    periodWindow: {
      label: '考核周期',
      byMonth: '按月',
      kind: { quarter: '季度', half: '半年', year: '年度' },
      quarter1: '{year}年第一季度',
      quarter2: '{year}年第二季度',
      quarter3: '{year}年第三季度',
      quarter4: '{year}年第四季度',
      half1: '{year}年上半年',
      half2: '{year}年下半年',
      year: '{year}年度',
      covers: '覆盖 {months}',
      missing: '缺 {months}',
      separator: '，',
      listSeparator: '、',
      run: '{from}–{to} 月',
      single: '{month} 月',
      summed: '各指标按已发布月份的分子、分母合计计算，未发布的月份不计入',
      monthOnly: '锁定、发布、整改和异议按单月办理，请切换到某个月份',
      bulletinTitle: '{window}{region}医保经办机构对标评价通报',
      bulletinSummary: '本期全省 {cities} 个地市、{counties} 个区县参与评价，{unreported} 个机构在本期各月均未报送。',
    },
  },
  en: {
    periodWindow: {
      label: 'Period',
      byMonth: 'By month',
      kind: { quarter: 'Quarters', half: 'Half-years', year: 'Years' },
      quarter1: 'Q1 {year}',
      quarter2: 'Q2 {year}',
      quarter3: 'Q3 {year}',
      quarter4: 'Q4 {year}',
      half1: 'H1 {year}',
      half2: 'H2 {year}',
      year: 'Year {year}',
      covers: 'Covers {months}',
      missing: 'missing {months}',
      separator: '; ',
      listSeparator: ', ',
      run: '{from}–{to}',
      single: '{month}',
      summed: 'Each indicator sums the numerators and denominators of the published months; unpublished months are left out',
      monthOnly: 'Locking, publishing, rectifications and appeals work month by month: choose a month',
      bulletinTitle: '{region} medical-insurance agency benchmarking bulletin, {window}',
      bulletinSummary:
        'This period {cities} cities and {counties} counties of the province were evaluated; {unreported} agencies reported in none of its months.',
    },
  },
};
