/**
 * The default indicator scheme of DESIGN.md ("Indicators"); targets and floors as fractions. Its
 * dimensions (维度) and what each numerator and denominator count are the ones a new year starts with.
 */
export const DEFAULT_SCHEME_INDICATORS = [
  { code: 'enrollment_expansion', nameZh: '扩面任务完成率', nameEn: 'Enrollment expansion', dimension: '业务经办', numeratorLabel: '新增参保人数', denominatorLabel: '月度扩面任务数', weight: '20', target: '1', floor: '0.6', allowsOverTarget: true, monetary: false },
  { code: 'collection', nameZh: '医保费征缴率', nameEn: 'Contribution collection', dimension: '业务经办', numeratorLabel: '实收医保费（元）', denominatorLabel: '应收医保费（元）', weight: '20', target: '0.98', floor: '0.8', allowsOverTarget: false, monetary: true },
  { code: 'annual_inspection', nameZh: '参保单位年检率', nameEn: 'Employer annual inspection', dimension: '业务经办', numeratorLabel: '已年检参保单位数', denominatorLabel: '应年检参保单位数', weight: '10', target: '1', floor: '0.7', allowsOverTarget: false, monetary: false },
  { code: 'first_inquiry', nameZh: '首问负责制落实率', nameEn: 'First-inquiry responsibility', dimension: '服务质量', numeratorLabel: '抽查合格次数', denominatorLabel: '抽查次数', weight: '10', target: '1', floor: '0.8', allowsOverTarget: false, monetary: false },
  { code: 'ab_post', nameZh: 'AB岗制度落实率', nameEn: 'A/B post coverage', dimension: '服务质量', numeratorLabel: 'B岗顶岗次数', denominatorLabel: 'A岗缺岗次数', weight: '10', target: '1', floor: '0.8', allowsOverTarget: false, monetary: false },
  { code: 'online_reply', nameZh: '网上咨询按时回复率', nameEn: 'Online replies within 48 h', dimension: '服务质量', numeratorLabel: '48小时内回复的咨询数', denominatorLabel: '收到的咨询数', weight: '10', target: '0.95', floor: '0.7', allowsOverTarget: false, monetary: false },
  { code: 'satisfaction', nameZh: '参保人员满意度', nameEn: 'Insured persons’ satisfaction', dimension: '服务质量', numeratorLabel: '满意及非常满意评价数', denominatorLabel: '评价总数', weight: '20', target: '0.9', floor: '0.6', allowsOverTarget: false, monetary: false },
] as const;

export const DEFAULT_DUE_DAY = 5;
