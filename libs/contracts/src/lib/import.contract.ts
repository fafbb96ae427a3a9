export const IMPORT_KINDS = ['ratings', 'consultations', 'submissions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportErrorDto {
  /** The line as Excel shows it (the header is row 1); 0 for errors about the whole file. */
  row: number;
  field: string;
  value: string;
  message: string;
}

/** 202 answer of POST /api/imports */
export interface ImportAcceptedDto {
  jobId: string;
  importId: string;
}

/** GET /api/imports/:id — also the `result` of the import job. */
export interface ImportDto {
  id: string;
  kind: ImportKind;
  fileName: string;
  /** `unchanged`: the very file already makes up these figures. */
  status: 'queued' | 'applied' | 'unchanged' | 'rejected';
  rows: number | null;
  errorCount: number | null;
  /** The first 1,000 errors; the full count is `errorCount`. */
  errors: ImportErrorDto[];
  createdAt: string;
  finishedAt: string | null;
}
