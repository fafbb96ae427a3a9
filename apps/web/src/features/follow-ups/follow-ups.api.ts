import type { FollowUpDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/follow-ups/mine — what waits on the caller's agency, nearest deadline first. */
export function fetchMyFollowUps(signal?: AbortSignal): Promise<FollowUpDto[]> {
  return apiClient.get<FollowUpDto[]>('/follow-ups/mine', { signal });
}
