import type { NotificationDto } from '@scorecard/contracts';
import type { RouteLocationRaw } from 'vue-router';

/**
 * The i18n key and values of a message; the reader's language words it. `label` words the parts
 * that are themselves messages (a level's name); without it their keys stand.
 */
export function notificationMessage(
  item: Pick<NotificationDto, 'kind' | 'params'>,
  label: (key: string) => string = (key) => key,
): {
  key: string;
  values: Record<string, string>;
} {
  const { period = '', agencyCode = '', agencyName, name = '', reason = '', by = '' } = item.params;
  const deadline = item.params.deadline ?? '';
  const count = String(item.params.count ?? 1);
  const values = {
    period,
    agencyName: agencyName ?? agencyCode,
    name,
    reason,
    by,
    deadline,
    count,
  };
  if (item.kind === 'feedback.published') return feedbackMessage(item.params, values, label);
  return { key: `notifications.kind.${item.kind}`, values };
}

/** "2026年9月对标结果已发布：得分 87.81，区县第 3 名，整改事项 2 项（截止 10月21日）". */
function feedbackMessage(
  params: NotificationDto['params'],
  values: Record<string, string>,
  label: (key: string) => string,
): { key: string; values: Record<string, string> } {
  const [year = '', month = ''] = (params.period ?? '').split('-');
  const [, deadlineMonth = '', deadlineDay = ''] = (params.deadline ?? '').split('-');
  const variant =
    params.score == null ? 'unreported' : (params.count ?? 0) > 0 ? 'published' : 'noItems';
  return {
    key: `notifications.kind.feedback.${variant}`,
    values: {
      ...values,
      year,
      month: String(Number(month)),
      deadlineMonth: String(Number(deadlineMonth)),
      deadlineDay: String(Number(deadlineDay)),
      score: params.score == null ? '' : params.score.toFixed(2),
      rank: String(params.rank ?? ''),
      of: String(params.of ?? ''),
      level: label(`rankings.level.${params.level ?? 'county'}`),
    },
  };
}

/** Where a message leads when opened: a published month's message to the agency's feedback sheet. */
export function notificationLink(
  item: Pick<NotificationDto, 'kind' | 'params'>,
): RouteLocationRaw | null {
  if (item.kind === 'feedback.published' && item.params.agencyCode && item.params.period)
    return {
      name: 'feedback',
      params: { code: item.params.agencyCode },
      query: { period: item.params.period },
    };
  return null;
}
