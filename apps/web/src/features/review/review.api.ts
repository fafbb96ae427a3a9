import type { CountyReviewDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/periods/:period/reviews/:cityCode — the city's counties and their review states. */
export function fetchCountyReviews(
  period: string,
  cityCode: string,
  signal?: AbortSignal,
): Promise<CountyReviewDto[]> {
  return apiClient.get<CountyReviewDto[]>(
    `/periods/${encodeURIComponent(period)}/reviews/${encodeURIComponent(cityCode)}`,
    { signal },
  );
}
