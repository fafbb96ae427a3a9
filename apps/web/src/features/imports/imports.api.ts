import type { ImportAcceptedDto, ImportDto, ImportKind, JobDto } from '@scorecard/contracts';
import { apiClient } from '../../shared/api-client';

/** POST /api/imports (multipart `file` + `kind`) — 202 {jobId, importId}. */
export function uploadImport(file: File, kind: ImportKind): Promise<ImportAcceptedDto> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return apiClient.postForm<ImportAcceptedDto>('/imports', form);
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
