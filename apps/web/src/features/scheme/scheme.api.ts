import type {
  SchemeBodyDto,
  SchemeDto,
  SchemePreviewDto,
  SchemeVersionDto,
} from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** GET /api/schemes/:year — the year's latest version. */
export function fetchScheme(year: number, signal?: AbortSignal): Promise<SchemeDto> {
  return apiClient.get<SchemeDto>(`/schemes/${year}`, { signal });
}

/** GET /api/schemes/:year/versions — the year's versions, oldest first. */
export function fetchSchemeVersions(
  year: number,
  signal?: AbortSignal,
): Promise<SchemeVersionDto[]> {
  return apiClient.get<SchemeVersionDto[]>(`/schemes/${year}/versions`, { signal });
}

/**
 * PUT /api/schemes/:year — a new version in force from `effectiveFrom`; `version` names the one
 * edited, so a version saved meanwhile answers 409 instead of being overwritten.
 */
export function saveScheme(
  year: number,
  body: SchemeBodyDto & { version?: number },
): Promise<SchemeDto> {
  return apiClient.put<SchemeDto>(`/schemes/${year}`, body);
}

/** POST /api/schemes/:year/preview — the draft applied to the last published month. */
export function previewScheme(year: number, body: SchemeBodyDto): Promise<SchemePreviewDto> {
  return apiClient.post<SchemePreviewDto>(`/schemes/${year}/preview`, body);
}
