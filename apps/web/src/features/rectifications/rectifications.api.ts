import type {
  CreateRectificationRequest,
  RectificationDto,
  RectificationStatus,
  RespondRectificationRequest,
  VerifyRectificationRequest,
} from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

export interface RectificationFilter {
  period?: string;
  agencyCode?: string;
  status?: RectificationStatus;
}

/** GET /api/rectifications — the items in the caller's scope, nearest deadline first. */
export function fetchRectifications(
  filter: RectificationFilter,
  signal?: AbortSignal,
): Promise<RectificationDto[]> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  const search = query.toString();
  return apiClient.get<RectificationDto[]>(`/rectifications${search ? `?${search}` : ''}`, {
    signal,
  });
}

/** POST /api/rectifications — an admin above the agency raises an item by hand. */
export function raiseRectification(request: CreateRectificationRequest): Promise<{ id: string }> {
  return apiClient.post<{ id: string }>('/rectifications', request);
}

/** POST /api/rectifications/:id/response — the head's cause and measures. */
export function respondToRectification(
  id: string,
  request: RespondRectificationRequest,
): Promise<RectificationDto> {
  return apiClient.post<RectificationDto>(`/rectifications/${id}/response`, request);
}

/** POST /api/rectifications/:id/verify — accept (closed) or send back (open) with a note. */
export function verifyRectification(
  id: string,
  request: VerifyRectificationRequest,
): Promise<RectificationDto> {
  return apiClient.post<RectificationDto>(`/rectifications/${id}/verify`, request);
}
