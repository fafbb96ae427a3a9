/**
 * Payload of {@link JobName.ImportFile}: the uploaded file's id only. The file itself waits in
 * PostgreSQL (the worker that takes the job may be on any host).
 */
export interface ImportFileJobData {
  importId: string;
}

export function importFileJobId(importId: string): string {
  return `import-${importId}`;
}
