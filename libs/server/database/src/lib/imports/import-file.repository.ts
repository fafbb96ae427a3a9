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

  /**
   * Accepted uploads still waiting for their import, oldest first, and whether their file is still
   * stored (uploads are recorded together with their file, so only one from before files were kept
   * in PostgreSQL lacks it).
   */
  async findQueued(): Promise<{ id: string; stored: boolean }[]> {
    const rows: { id: string; stored: boolean }[] = await this.dataSource.query(
      `SELECT f.id, EXISTS (SELECT 1 FROM import_upload_chunk c WHERE c.import_id = f.id) AS stored
         FROM import_file f WHERE f.status = 'queued' ORDER BY f.created_at`,
    );
    return rows.map((row) => ({ id: row.id, stored: row.stored }));
  }

  /**
   * Ends a queued import as failed, its stored file removed in the same statement; false when it had
   * already ended (another process was first).
   */
  async markFailed(id: string, reason: ImportFailure): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH failed AS (
         UPDATE import_file SET status = 'failed', failure_reason = $2, finished_at = now()
          WHERE id = $1 AND status = 'queued'
          RETURNING id
       ), removed AS (
         DELETE FROM import_upload_chunk c USING failed WHERE c.import_id = failed.id
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

  /** Ends the import as the very file already applied; its stored file goes with the same statement. */
  async markUnchanged(id: string, rows: number): Promise<void> {
    await this.dataSource.query(
      `WITH ended AS (
         UPDATE import_file SET status = 'unchanged', rows = $2, error_count = 0, errors = '[]', finished_at = now()
          WHERE id = $1
          RETURNING id
       )
       DELETE FROM import_upload_chunk c USING ended WHERE c.import_id = ended.id`,
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
   * Cancelled: nothing of the file is applied, and its stored file goes in the same statement.
   * False when it was not waiting for a confirmation.
   */
  async cancel(id: string): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH cancelled AS (
         UPDATE import_file SET status = 'cancelled', finished_at = now()
          WHERE id = $1 AND status = 'needs_confirmation'
          RETURNING id
       ), removed AS (
         DELETE FROM import_upload_chunk c USING cancelled WHERE c.import_id = cancelled.id
       )
       SELECT id FROM cancelled`,
      [id],
    );
    return rows.length > 0;
  }

  /** Ends the import as refused for its errors; its stored file goes with the same statement. */
  async reject(id: string, outcome: { rows: number; errorCount: number; errors: ImportFileRow['errors'] }): Promise<void> {
    await this.dataSource.query(
      `WITH ended AS (
         UPDATE import_file SET status = 'rejected', rows = $2, error_count = $3, errors = $4::jsonb, finished_at = now()
          WHERE id = $1
          RETURNING id
       )
       DELETE FROM import_upload_chunk c USING ended WHERE c.import_id = ended.id`,
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
