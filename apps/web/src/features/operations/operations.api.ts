import { apiClient } from '../../shared/api-client';

/**
 * POST /api/operations/queue-session — lets this browser open the queue dashboard (a cookie only
 * the dashboard receives); answers where it is.
 */
export function openQueueBoardSession(): Promise<{ url: string }> {
  return apiClient.post<{ url: string }>('/operations/queue-session', {});
}
