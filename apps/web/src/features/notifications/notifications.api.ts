import type { NotificationListDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/notifications — the caller's, newest first. */
export function fetchNotifications(signal?: AbortSignal): Promise<NotificationListDto> {
  return apiClient.get<NotificationListDto>('/notifications', { signal });
}

/** POST /api/notifications/:id/read */
export function markNotificationRead(id: string): Promise<{ unread: number }> {
  return apiClient.post<{ unread: number }>(`/notifications/${id}/read`);
}

/** POST /api/notifications/read-all */
export function markAllNotificationsRead(): Promise<{ unread: number }> {
  return apiClient.post<{ unread: number }>('/notifications/read-all');
}
