import type { Permission } from './permissions';

export type AccessLocale = 'zh-CN' | 'en';

/** The message key of a refusal, e.g. `access.denied.star.vote`; the API sends it beside the text. */
export function denialKey(permission: Permission): `access.denied.${Permission}` {
  return `access.denied.${permission}`;
}

/** What a refused caller reads, per permission, in each language the product speaks. */
export const DENIAL_MESSAGES: Readonly<Record<AccessLocale, Readonly<Record<Permission, string>>>> = {
  'zh-CN': {
    'submission.read': '只能查看本机构的数据',
    'submission.write': '只能为权限范围内的机构报送数据',
    'submission.review': '只能审核下级机构的报送',
    'period.manage': '只有省级中心可以管理月份',
    'results.read_draft': '本月结果尚未发布',
    'user.manage': '只能管理权限范围内的用户',
    'audit.read': '只有省级中心可以查看审计日志',
    'star.read': '只能查看权限范围内机构的服务之星评选',
    'star.manage': '只有本机构负责人可以组织服务之星评选',
    'star.vote': '只有本机构工作人员可以投票',
    'star.object': '只有本机构工作人员可以对评选结果提出异议',
    'star.participation': '只有省级中心可以查看各机构的评选情况',
    'star.configure': '只有省级中心可以设置评选规则',
    'queue.operate': '只有省级中心可以管理任务队列',
    'calendar.manage': '只有省级中心可以维护工作日历',
    'rectification.read': '只能查看权限范围内机构的整改事项',
    'rectification.raise': '只能为下级机构提出整改事项',
    'rectification.respond': '只有本机构负责人可以答复整改事项',
    'rectification.verify': '只有上级机构管理员可以验收整改事项',
    'scheme.manage': '只有省级中心可以修改考核方案',
    'appeal.read': '只能查看权限范围内机构的异议',
    'appeal.raise': '只有本机构负责人可以对本机构的结果提出异议',
    'appeal.resolve': '只有省级中心可以处理异议',
    'warning.read': '只能查看权限范围内机构的预警',
    'warning.talk': '只有省级中心可以登记约谈',
    'badReview.read': '只能查看权限范围内机构的差评',
    'badReview.handle': '只有本机构负责人可以处理差评',
    'badReview.rule': '只有省级管理员可以裁定差评申诉',
    'feedback.read': '只能查看权限范围内机构的反馈单',
  },
  en: {
    'submission.read': 'You may read the figures of your own agency only',
    'submission.write': 'You may submit figures only for agencies in your scope',
    'submission.review': 'You may review only the submissions of the agencies below yours',
    'period.manage': 'Only the province manages months',
    'results.read_draft': 'Results of this month are not published yet',
    'user.manage': 'You may manage users only in your scope',
    'audit.read': 'Only the province reads the audit log',
    'star.read': 'You may see the star selection of agencies in your scope only',
    'star.manage': 'Only the head of this agency runs its star selection',
    'star.vote': 'Only staff of this agency vote for its star',
    'star.object': 'Only staff of this agency may object to its star',
    'star.participation': 'Only the province sees which agencies named a star',
    'star.configure': 'Only the province sets the star rules',
    'queue.operate': 'Only the province operates the job queues',
    'calendar.manage': 'Only the province keeps the working-day calendar',
    'rectification.read': 'You may see the rectification items of agencies in your scope only',
    'rectification.raise': 'You may raise rectification items only on the agencies below yours',
    'rectification.respond': 'Only the head of this agency answers its rectification items',
    'rectification.verify': 'Only an administrator above this agency verifies its rectification items',
    'scheme.manage': 'Only the province edits the assessment scheme',
    'appeal.read': 'You may read the appeals of agencies in your scope only',
    'appeal.raise': 'Only the head of this agency appeals its result',
    'appeal.resolve': 'Only the province rules on appeals',
    'warning.read': 'You may read the warnings of agencies in your scope only',
    'warning.talk': 'Only the province records talks with warned agencies',
    'badReview.read': 'You may see the bad reviews of agencies in your scope only',
    'badReview.handle': 'Only the head of this agency handles its bad reviews',
    'badReview.rule': 'Only the province rules on appeals against bad reviews',
    'feedback.read': 'You may read the feedback sheets of agencies in your scope only',
  },
};

/** The refusal in the caller's language. */
export function denialMessage(permission: Permission, locale: AccessLocale = 'en'): string {
  return DENIAL_MESSAGES[locale][permission];
}
