import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ImportDto, ImportErrorDto, ImportReplacementDto } from '@scorecard/contracts';

export type ImportKindName = 'ratings' | 'consultations' | 'submissions';
export type ImportStatus = ImportDto['status'];
/** Why an import failed for good: its worker stopped again and again, or it could not be processed. */
export type ImportFailure = NonNullable<ImportDto['failureReason']>;

/**
 * An import error as stored: the row, the field as the file's header named it, the value, and the
 * message as a key of the imports' message catalogue with its parameters, put into words in the
 * reader's language when read. Errors stored before keys existed carry English `message` text only.
 */
export interface ImportErrorRecord {
  row: number;
  field: string;
  value: string;
  key?: string;
  params?: Record<string, string | number>;
  message?: string;
}

export interface ImportFileRow {
  id: string;
  kind: ImportKindName;
  fileName: string;
  sizeBytes: number;
  contentHash: string;
  uploadedBy: string;
  uploaderRole: string;
  uploaderAgency: string;
  status: ImportStatus;
  /** Where the upload waits for its worker; null once it is gone or unknown. */
  storedPath: string | null;
  failureReason: ImportFailure | null;
  rows: number | null;
  errorCount: number | null;
  errors: ImportErrorRecord[] | null;
  /** Apply even over figures someone typed in (the uploader said so, or confirmed it). */
  replaceTyped: boolean;
  replacements: ImportReplacementDto[] | null;
  replacementCount: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** The uploaded files and what became of them. */
@Injectable()
export class ImportFileRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    file: Omit<
      ImportFileRow,
      'status' | 'failureReason' | 'rows' | 'errorCount' | 'errors' | 'replacements' | 'replacementCount' | 'createdAt' | 'finishedAt'
    >,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO import_file (id, kind, file_name, size_bytes, content_hash, uploaded_by, uploader_role, uploader_agency, replace_typed, stored_path)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        file.id,
        file.kind,
        file.fileName,
        file.sizeBytes,
        file.contentHash,
        file.uploadedBy,
        file.uploaderRole,
        file.uploaderAgency,
        file.replaceTyped,
        file.storedPath,
      ],
    );
  }

  /** Accepted uploads still waiting for their import, oldest first. */
  async findQueued(): Promise<{ id: string; storedPath: string | null }[]> {
    const rows: { id: string; stored_path: string | null }[] = await this.dataSource.query(
      `SELECT id, stored_path FROM import_file WHERE status = 'queued' ORDER BY created_at`,
    );
    return rows.map((row) => ({ id: row.id, storedPath: row.stored_path }));
  }

  /** Ends a queued import as failed; false when it had already ended (another process was first). */
  async markFailed(id: string, reason: ImportFailure): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH failed AS (
         UPDATE import_file SET status = 'failed', failure_reason = $2, finished_at = now(), stored_path = NULL
          WHERE id = $1 AND status = 'queued'
          RETURNING id
       )
       SELECT id FROM failed`,
      [id, reason],
    );
    return rows.length > 0;
  }

  async find(id: string): Promise<ImportFileRow | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query('SELECT * FROM import_file WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row['id'] as string,
      kind: row['kind'] as ImportKindName,
      fileName: row['file_name'] as string,
      sizeBytes: Number(row['size_bytes']),
      contentHash: row['content_hash'] as string,
      uploadedBy: row['uploaded_by'] as string,
      uploaderRole: row['uploader_role'] as string,
      uploaderAgency: row['uploader_agency'] as string,
      status: row['status'] as ImportStatus,
      storedPath: (row['stored_path'] as string | null) ?? null,
      failureReason: (row['failure_reason'] as ImportFailure | null) ?? null,
      rows: row['rows'] === null ? null : Number(row['rows']),
      errorCount: row['error_count'] === null ? null : Number(row['error_count']),
      errors: row['errors'] as ImportFileRow['errors'],
      replaceTyped: row['replace_typed'] === true,
      replacements: row['replacements'] as ImportFileRow['replacements'],
      replacementCount: row['replacement_count'] === null ? null : Number(row['replacement_count']),
      createdAt: row['created_at'] as Date,
      finishedAt: row['finished_at'] as Date | null,
    };
  }

  async markUnchanged(id: string, rows: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_file SET status = 'unchanged', rows = $2, error_count = 0, errors = '[]', finished_at = now() WHERE id = $1`,
      [id, rows],
    );
  }

  /** The file would replace typed figures: it waits, unapplied, for its uploader to confirm or cancel. */
  async awaitConfirmation(id: string, outcome: { rows: number; replacementCount: number; replacements: ImportReplacementDto[] }): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_file SET status = 'needs_confirmation', rows = $2, error_count = 0, errors = '[]',
              replacement_count = $3, replacements = $4::jsonb, finished_at = now()
        WHERE id = $1 AND status = 'queued'`,
      [id, outcome.rows, outcome.replacementCount, JSON.stringify(outcome.replacements)],
    );
  }

  /**
   * Confirmed: the file is to be applied over the typed figures. False when it was not waiting for
   * a confirmation (already confirmed, cancelled, or never asked), so a double click queues it once.
   */
  async confirm(id: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE import_file SET status = 'queued', replace_typed = true, finished_at = NULL
        WHERE id = $1 AND status = 'needs_confirmation'`,
      [id],
    )) as [unknown, number];
    return count === 1;
  }

  /**
   * Cancelled: nothing of the file is applied. Answers where its upload waited (for removal), or
   * null when it was not waiting for a confirmation.
   */
  async cancel(id: string): Promise<{ storedPath: string | null } | null> {
    const rows: { stored_path: string | null }[] = await this.dataSource.query(
      `WITH cancelled AS (
         UPDATE import_file f SET status = 'cancelled', finished_at = now(), stored_path = NULL
           FROM import_file before
          WHERE f.id = $1 AND before.id = f.id AND f.status = 'needs_confirmation'
          RETURNING before.stored_path
       )
       SELECT stored_path FROM cancelled`,
      [id],
    );
    return rows[0] ? { storedPath: rows[0].stored_path } : null;
  }

  async reject(id: string, outcome: { rows: number; errorCount: number; errors: ImportFileRow['errors'] }): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_file SET status = 'rejected', rows = $2, error_count = $3, errors = $4::jsonb, finished_at = now()
        WHERE id = $1`,
      [id, outcome.rows, outcome.errorCount, JSON.stringify(outcome.errors ?? [])],
    );
  }
}

/** The import as the API answers it, its errors put into words by `renderError`. */
export function toImportDto(file: ImportFileRow, renderError: (error: ImportErrorRecord) => ImportErrorDto): ImportDto {
  return {
    id: file.id,
    kind: file.kind,
    fileName: file.fileName,
    status: file.status,
    failureReason: file.failureReason,
    rows: file.rows,
    errorCount: file.errorCount,
    errors: (file.errors ?? []).map(renderError),
    replacements: file.replacements ?? [],
    replacementCount: file.replacementCount ?? 0,
    createdAt: file.createdAt.toISOString(),
    finishedAt: file.finishedAt ? file.finishedAt.toISOString() : null,
  };
}
