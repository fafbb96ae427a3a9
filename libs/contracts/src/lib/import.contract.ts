export const IMPORT_KINDS = ['ratings', 'consultations', 'submissions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportErrorDto {
  /** The line as Excel shows it (the header is row 1); 0 for errors about the whole file. */
  row: number;
  field: string;
  value: string;
  message: string;
}

/** A figure someone typed in that a file would replace: the agency-month, the indicator, old and new. */
export interface ImportReplacementDto {
  period: string;
  agencyCode: string;
  indicatorCode: string;
  before: { numerator: string; denominator: string };
  after: { numerator: string; denominator: string };
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
  /**
   * `unchanged`: the very file already makes up these figures. `needs_confirmation`: the file would
   * replace figures someone typed in (`replacements`); nothing is applied until the uploader
   * confirms it (POST /api/imports/:id/confirm) or cancels it (POST /api/imports/:id/cancel,
   * then `cancelled`). `failed`: it could not be processed (see `failureReason`); nothing of it
   * was written and the upload is gone.
   */
  status: 'queued' | 'applied' | 'unchanged' | 'rejected' | 'needs_confirmation' | 'cancelled' | 'failed';
  /** `interrupted`: the server processing it stopped again and again; `error`: it could not be read. */
  failureReason: 'interrupted' | 'error' | null;
  rows: number | null;
  errorCount: number | null;
  /** The first 1,000 errors; the full count is `errorCount`. */
  errors: ImportErrorDto[];
  /** The first 1,000 typed figures the file would replace; the full count is `replacementCount`. */
  replacements: ImportReplacementDto[];
  replacementCount: number;
  createdAt: string;
  finishedAt: string | null;
}
