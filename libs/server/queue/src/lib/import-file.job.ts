/** Payload of {@link JobName.ImportFile}: the uploaded file's id and where it waits. */
export interface ImportFileJobData {
  importId: string;
  path: string;
}

export function importFileJobId(importId: string): string {
  return `import-${importId}`;
}
