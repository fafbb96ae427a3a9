import type { ImportAcceptedDto, ImportDto, ImportKind, JobDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** POST /api/imports (multipart `file` + `kind`) — 202 {jobId, importId}. */
export function uploadImport(file: File, kind: ImportKind): Promise<ImportAcceptedDto> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return apiClient.postForm<ImportAcceptedDto>('/imports', form);
}

/** POST /api/imports/:id/confirm — applies a file that replaces typed figures: 202 {jobId, importId}. */
export function confirmImport(id: string): Promise<ImportAcceptedDto> {
  return apiClient.post<ImportAcceptedDto>(`/imports/${encodeURIComponent(id)}/confirm`);
}

/** POST /api/imports/:id/cancel — drops a file that waits for a confirmation. */
export function cancelImport(id: string): Promise<ImportDto> {
  return apiClient.post<ImportDto>(`/imports/${encodeURIComponent(id)}/cancel`);
}

/** GET /api/jobs/:id — {state, progress, result}. */
export function fetchJob(id: string, signal?: AbortSignal): Promise<JobDto<ImportDto>> {
  return apiClient.get<JobDto<ImportDto>>(`/jobs/${encodeURIComponent(id)}`, { signal });
}

/** GET /api/imports/:id — the import's status and its first errors. */
export function fetchImport(id: string, signal?: AbortSignal): Promise<ImportDto> {
  return apiClient.get<ImportDto>(`/imports/${encodeURIComponent(id)}`, { signal });
}

/** GET /api/imports/:id/errors.csv — the full error report. */
export function downloadImportErrors(id: string) {
  return apiClient.download(`/imports/${encodeURIComponent(id)}/errors.csv`);
}
