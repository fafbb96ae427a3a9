/** The default indicator scheme of DESIGN.md ("Indicators"); targets and floors as fractions. */
export const DEFAULT_SCHEME_INDICATORS = [
  { code: 'enrollment_expansion', nameZh: '扩面任务完成率', nameEn: 'Enrollment expansion', weight: '20', target: '1', floor: '0.6', allowsOverTarget: true, monetary: false },
  { code: 'collection', nameZh: '医保费征缴率', nameEn: 'Contribution collection', weight: '20', target: '0.98', floor: '0.8', allowsOverTarget: false, monetary: true },
  { code: 'annual_inspection', nameZh: '参保单位年检率', nameEn: 'Employer annual inspection', weight: '10', target: '1', floor: '0.7', allowsOverTarget: false, monetary: false },
  { code: 'first_inquiry', nameZh: '首问负责制落实率', nameEn: 'First-inquiry responsibility', weight: '10', target: '1', floor: '0.8', allowsOverTarget: false, monetary: false },
  { code: 'ab_post', nameZh: 'AB岗制度落实率', nameEn: 'A/B post coverage', weight: '10', target: '1', floor: '0.8', allowsOverTarget: false, monetary: false },
  { code: 'online_reply', nameZh: '网上咨询按时回复率', nameEn: 'Online replies within 48 h', weight: '10', target: '0.95', floor: '0.7', allowsOverTarget: false, monetary: false },
  { code: 'satisfaction', nameZh: '参保人员满意度', nameEn: 'Insured persons’ satisfaction', weight: '20', target: '0.9', floor: '0.6', allowsOverTarget: false, monetary: false },
] as const;

export const DEFAULT_DUE_DAY = 5;

/** Working days an agency has to rectify after publication (DESIGN "rectifyWorkingDays"). */
export const DEFAULT_RECTIFY_WORKING_DAYS = 10;
