import type {
  AppealDto,
  AppealWindowDto,
  CreateAppealRequest,
  RecordTalkRequest,
  ResolveAppealRequest,
  WarningDto,
} from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/appeals — the appeals in the caller's scope, newest first. */
export function fetchAppeals(period: string, signal?: AbortSignal): Promise<AppealDto[]> {
  return apiClient.get<AppealDto[]>(`/appeals?period=${encodeURIComponent(period)}`, { signal });
}

/** GET /api/appeals/window — whether the month may still be appealed, and until when. */
export function fetchAppealWindow(period: string, signal?: AbortSignal): Promise<AppealWindowDto> {
  return apiClient.get<AppealWindowDto>(`/appeals/window?period=${encodeURIComponent(period)}`, {
    signal,
  });
}

/** POST /api/appeals — the head appeals its agency's published result. */
export function raiseAppeal(request: CreateAppealRequest): Promise<{ id: string }> {
  return apiClient.post<{ id: string }>('/appeals', request);
}

/** POST /api/appeals/:id/resolve — the province upholds (the month reopens) or dismisses. */
export function resolveAppeal(id: string, request: ResolveAppealRequest): Promise<AppealDto> {
  return apiClient.post<AppealDto>(`/appeals/${id}/resolve`, request);
}

/** GET /api/warnings — warnings (约谈) and improving streaks (进步) of the month in scope. */
export function fetchWarnings(period: string, signal?: AbortSignal): Promise<WarningDto[]> {
  return apiClient.get<WarningDto[]>(`/warnings?period=${encodeURIComponent(period)}`, { signal });
}

/** POST /api/warnings/talks — the province records that a talk took place. */
export function recordTalk(request: RecordTalkRequest): Promise<void> {
  return apiClient.post<void>('/warnings/talks', request);
}
