import type {
  PutSubmissionRequest,
  PutSubmissionResponse,
  SubmissionDto,
} from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';
import { ApiError } from '../../shared/http';

function path(period: string, agencyCode: string): string {
  return `/submissions/${encodeURIComponent(period)}/${encodeURIComponent(agencyCode)}`;
}

/** GET /api/submissions/:period/:agencyCode — null when nothing was submitted yet (404). */
export async function fetchSubmission(
  period: string,
  agencyCode: string,
  signal?: AbortSignal,
): Promise<SubmissionDto | null> {
  try {
    return await apiClient.get<SubmissionDto>(path(period, agencyCode), { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** PUT /api/submissions/:period/:agencyCode — 400 field errors, 409 stale version, 423 month not open. */
export function putSubmission(
  period: string,
  agencyCode: string,
  request: PutSubmissionRequest,
): Promise<PutSubmissionResponse> {
  return apiClient.put<PutSubmissionResponse>(path(period, agencyCode), request);
}

/** POST …/approve — a city (or the province) accepts a county's figures. */
export function approveSubmission(period: string, agencyCode: string): Promise<unknown> {
  return apiClient.post(`${path(period, agencyCode)}/approve`, {});
}

/** POST …/return {reason} — sent back to the agency for correction. */
export function returnSubmission(
  period: string,
  agencyCode: string,
  reason: string,
): Promise<unknown> {
  return apiClient.post(`${path(period, agencyCode)}/return`, { reason });
}

/** POST …/waive {reason} — the agency need not report this month. */
export function waiveSubmission(
  period: string,
  agencyCode: string,
  reason: string,
): Promise<unknown> {
  return apiClient.post(`${path(period, agencyCode)}/waive`, { reason });
}
