import type { JobAcceptedDto, JobDto, PeriodEventDto, PeriodPartDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

const base = (period: string) => `/periods/${encodeURIComponent(period)}`;

/** POST /api/periods/:period/lock — 409 while agencies are neither approved nor waived, unless forced with a reason. */
export function lockPeriod(
  period: string,
  options: { force?: boolean; reason?: string; province?: string } = {},
): Promise<unknown> {
  return apiClient.post(`${base(period)}/lock`, options);
}

/**
 * POST /api/periods/:period/publish — 202 {jobId}: a job computes the final results and freezes a
 * new version. `province`: one province's part (national admin); `force` with a reason: the
 * national month before every province has published its part.
 */
export function publishPeriod(
  period: string,
  options: { province?: string; force?: boolean; reason?: string } = {},
): Promise<JobAcceptedDto> {
  return apiClient.post<JobAcceptedDto>(`${base(period)}/publish`, options);
}

/** What a month's publication job answers once done. */
export interface PublishJobResult {
  period: string;
  status: 'published';
  version: number;
}

/** GET /api/jobs/:id — the state and progress of a month's job. */
export function fetchMonthJob(id: string, signal?: AbortSignal): Promise<JobDto<PublishJobResult>> {
  return apiClient.get<JobDto<PublishJobResult>>(`/jobs/${encodeURIComponent(id)}`, { signal });
}

/** POST /api/periods/:period/reopen {reason} — published months only. */
export function reopenPeriod(period: string, reason: string, province?: string): Promise<unknown> {
  return apiClient.post(`${base(period)}/reopen`, { reason, ...(province ? { province } : {}) });
}

/** GET /api/periods/:period/parts — each province's part of a national month. */
export function fetchPeriodParts(period: string, signal?: AbortSignal): Promise<PeriodPartDto[]> {
  return apiClient.get<PeriodPartDto[]>(`${base(period)}/parts`, { signal });
}

/** POST /api/periods/:period/compute — 202 {jobId}. */
export function computePeriod(period: string): Promise<JobAcceptedDto> {
  return apiClient.post<JobAcceptedDto>(`${base(period)}/compute`, {});
}

/** GET /api/periods/:period/history */
export function fetchPeriodHistory(
  period: string,
  signal?: AbortSignal,
): Promise<PeriodEventDto[]> {
  return apiClient.get<PeriodEventDto[]>(`${base(period)}/history`, { signal });
}
