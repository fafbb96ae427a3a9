import type {
  BadReviewDto,
  BadReviewOutcome,
  BadReviewPageDto,
  BadReviewStatusName,
} from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

export interface BadReviewFilter {
  period?: string;
  agencyCode?: string;
  status?: BadReviewStatusName;
  page?: number;
  pageSize?: number;
}

/** GET /api/bad-reviews — the cases in the caller's scope, nearest deadline first, one page. */
export function fetchBadReviews(
  filter: BadReviewFilter,
  signal?: AbortSignal,
): Promise<BadReviewPageDto> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') query.set(key, String(value));
  const search = query.toString();
  return apiClient.get<BadReviewPageDto>(`/bad-reviews${search ? `?${search}` : ''}`, { signal });
}

/** POST /api/bad-reviews/:id/verify — the head's verification (核实). */
export function verifyBadReview(id: string, note: string, version: number): Promise<BadReviewDto> {
  return apiClient.post<BadReviewDto>(`/bad-reviews/${id}/verify`, { note, version });
}

/** POST /api/bad-reviews/:id/resolve — closed as rectified or explained. */
export function resolveBadReview(
  id: string,
  outcome: BadReviewOutcome,
  note: string,
  version: number,
): Promise<BadReviewDto> {
  return apiClient.post<BadReviewDto>(`/bad-reviews/${id}/resolve`, { outcome, note, version });
}

/** POST /api/bad-reviews/:id/appeal — the review was mistaken or malicious. */
export function appealBadReview(
  id: string,
  reason: string,
  version: number,
): Promise<BadReviewDto> {
  return apiClient.post<BadReviewDto>(`/bad-reviews/${id}/appeal`, { reason, version });
}

/** POST /api/bad-reviews/:id/ruling — the province voids the case or sends it back. */
export function ruleOnBadReview(
  id: string,
  voided: boolean,
  note: string,
  version: number,
): Promise<BadReviewDto> {
  return apiClient.post<BadReviewDto>(`/bad-reviews/${id}/ruling`, { void: voided, note, version });
}
