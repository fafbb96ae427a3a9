import type { NotificationDto } from '@scorecard/contracts';
import type { RouteLocationRaw } from 'vue-router';

/**
 * The message of a published month (`feedback.published`), in every language: loaded with the
 * first such message the bell lists, not with the app (the province's first page stays light).
 */
export const FEEDBACK_NOTICE_MESSAGES = {
  'zh-CN': {
    feedbackNotice: {
      published:
        '{year}年{month}月对标结果已发布：得分 {score}，{level}第 {rank} 名，整改事项 {count} 项（截止 {deadlineMonth}月{deadlineDay}日）',
      noItems: '{year}年{month}月对标结果已发布：得分 {score}，{level}第 {rank} 名，无整改事项',
      unreported: '{year}年{month}月对标结果已发布：{agencyName}本月未报送',
      level: { province: '省级', city: '地市', county: '区县' },
    },
  },
  en: {
    feedbackNotice: {
      published:
        'Results of {period} are out: score {score}, rank {rank} of {of}, {count} rectification items due {deadline}',
      noItems:
        'Results of {period} are out: score {score}, rank {rank} of {of}, nothing to rectify',
      unreported: 'Results of {period} are out: {agencyName} did not report this month',
      level: { province: 'province', city: 'cities', county: 'counties' },
    },
  },
};

type Params = NotificationDto['params'];

/** "2026年9月对标结果已发布：得分 87.81，区县第 3 名，整改事项 2 项（截止 10月21日）". */
export function feedbackNoticeText(params: Params, locale: string): string {
  const words = FEEDBACK_NOTICE_MESSAGES[locale === 'en' ? 'en' : 'zh-CN'].feedbackNotice;
  const [year = '', month = ''] = (params.period ?? '').split('-');
  const [, deadlineMonth = '', deadlineDay = ''] = (params.deadline ?? '').split('-');
  const template =
    params.score == null
      ? words.unreported
      : (params.count ?? 0) > 0
        ? words.published
        : words.noItems;
  const values: Record<string, string> = {
    period: params.period ?? '',
    agencyName: params.agencyName ?? params.agencyCode ?? '',
    year,
    month: String(Number(month)),
    deadline: params.deadline ?? '',
    deadlineMonth: String(Number(deadlineMonth)),
    deadlineDay: String(Number(deadlineDay)),
    score: params.score == null ? '' : params.score.toFixed(2),
    rank: String(params.rank ?? ''),
    of: String(params.of ?? ''),
    count: String(params.count ?? 0),
    level: words.level[params.level ?? 'county'],
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/** The agency's feedback sheet of the month, where the message leads. */
export function feedbackNoticeLink(params: Params): RouteLocationRaw | null {
  if (!params.agencyCode || !params.period) return null;
  return {
    name: 'feedback',
    params: { code: params.agencyCode },
    query: { period: params.period },
  };
}
