import type {
  AgencyLevel,
  NominateStarRequest,
  PutStarScoresRequest,
  ResolveObjectionResponse,
  SelectStarResponse,
  StarCandidateDto,
  StarParticipationDto,
  StarRoundDto,
  StarWallEntryDto,
  StarWallPageDto,
} from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/stars/:period/:agencyCode */
export function fetchStarRound(
  period: string,
  agencyCode: string,
  signal?: AbortSignal,
): Promise<StarRoundDto> {
  return apiClient.get<StarRoundDto>(`/stars/${period}/${agencyCode}`, { signal });
}

/** POST /api/stars/:period/:agencyCode/candidates */
export function nominateStar(
  period: string,
  agencyCode: string,
  body: NominateStarRequest,
): Promise<{ id: string }> {
  return apiClient.post<{ id: string }>(`/stars/${period}/${agencyCode}/candidates`, body);
}

/** PUT /api/stars/candidates/:id/scores */
export function putStarScores(id: string, body: PutStarScoresRequest): Promise<StarCandidateDto> {
  return apiClient.put<StarCandidateDto>(`/stars/candidates/${id}/scores`, body);
}

/** POST /api/stars/candidates/:id/votes */
export function voteForStar(id: string): Promise<{ voted: true }> {
  return apiClient.post<{ voted: true }>(`/stars/candidates/${id}/votes`);
}

/** POST /api/stars/:period/:agencyCode/select */
export function selectStar(period: string, agencyCode: string): Promise<SelectStarResponse> {
  return apiClient.post<SelectStarResponse>(`/stars/${period}/${agencyCode}/select`);
}

/** POST /api/stars/:period/:agencyCode/objections */
export function fileObjection(
  period: string,
  agencyCode: string,
  reason: string,
): Promise<{ id: string }> {
  return apiClient.post<{ id: string }>(`/stars/${period}/${agencyCode}/objections`, { reason });
}

/** POST /api/stars/objections/:id/resolve */
export function resolveObjection(
  id: string,
  upheld: boolean,
  note: string,
): Promise<ResolveObjectionResponse> {
  return apiClient.post<ResolveObjectionResponse>(`/stars/objections/${id}/resolve`, {
    upheld,
    note,
  });
}

export interface StarWallFilters {
  period?: string | null;
  cityCode?: string | null;
  level?: AgencyLevel | null;
  agencyCode?: string | null;
  staffUsername?: string | null;
}

/** GET /api/stars?period=&cityCode=&level=&agencyCode=&staffUsername= */
export function fetchStarWall(
  filters: StarWallFilters,
  signal?: AbortSignal,
): Promise<StarWallEntryDto[]> {
  return apiClient.get<StarWallEntryDto[]>('/stars', {
    query: {
      period: filters.period,
      cityCode: filters.cityCode,
      level: filters.level,
      agencyCode: filters.agencyCode,
      staffUsername: filters.staffUsername,
    },
    signal,
  });
}

/** GET /api/stars?…&page=&pageSize= — one page of the wall and how many stars match in all. */
export function fetchStarWallPage(
  filters: StarWallFilters,
  paging: { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<StarWallPageDto> {
  return apiClient.get<StarWallPageDto>('/stars', {
    query: {
      period: filters.period,
      cityCode: filters.cityCode,
      level: filters.level,
      agencyCode: filters.agencyCode,
      staffUsername: filters.staffUsername,
      page: paging.page,
      pageSize: paging.pageSize,
    },
    signal,
  });
}

/** GET /api/stars/participation?period= (province) */
export function fetchStarParticipation(
  period: string,
  signal?: AbortSignal,
): Promise<StarParticipationDto> {
  return apiClient.get<StarParticipationDto>('/stars/participation', { query: { period }, signal });
}
