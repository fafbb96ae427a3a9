import type { NotificationDto } from '@scorecard/contracts';

/** The i18n key and values of a message; the reader's language words it. */
export function notificationMessage(item: Pick<NotificationDto, 'kind' | 'params'>): {
  key: string;
  values: Record<string, string>;
} {
  const { period = '', agencyCode = '', agencyName, name = '', reason = '', by = '' } = item.params;
  const deadline = item.params.deadline ?? '';
  const count = String(item.params.count ?? 1);
  return {
    key: `notifications.kind.${item.kind}`,
    values: { period, agencyName: agencyName ?? agencyCode, name, reason, by, deadline, count },
  };
}
