import type { FeedbackSheetDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/agencies/:code/feedback?period= */
export function fetchFeedbackSheet(
  code: string,
  period: string,
  signal?: AbortSignal,
): Promise<FeedbackSheetDto> {
  return apiClient.get<FeedbackSheetDto>(`/agencies/${encodeURIComponent(code)}/feedback`, {
    query: { period },
    signal,
  });
}
