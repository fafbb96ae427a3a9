import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ImportDto } from '@scorecard/contracts';

export type ImportKindName = 'ratings' | 'consultations' | 'submissions';
export type ImportStatus = 'queued' | 'applied' | 'unchanged' | 'rejected';

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
  rows: number | null;
  errorCount: number | null;
  errors: { row: number; field: string; value: string; message: string }[] | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** The uploaded files and what became of them. */
@Injectable()
export class ImportFileRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(file: Omit<ImportFileRow, 'status' | 'rows' | 'errorCount' | 'errors' | 'createdAt' | 'finishedAt'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO import_file (id, kind, file_name, size_bytes, content_hash, uploaded_by, uploader_role, uploader_agency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [file.id, file.kind, file.fileName, file.sizeBytes, file.contentHash, file.uploadedBy, file.uploaderRole, file.uploaderAgency],
    );
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
      rows: row['rows'] === null ? null : Number(row['rows']),
      errorCount: row['error_count'] === null ? null : Number(row['error_count']),
      errors: row['errors'] as ImportFileRow['errors'],
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

  async reject(id: string, outcome: { rows: number; errorCount: number; errors: ImportFileRow['errors'] }): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_file SET status = 'rejected', rows = $2, error_count = $3, errors = $4::jsonb, finished_at = now()
        WHERE id = $1`,
      [id, outcome.rows, outcome.errorCount, JSON.stringify(outcome.errors ?? [])],
    );
  }
}

export function toImportDto(file: ImportFileRow): ImportDto {
  return {
    id: file.id,
    kind: file.kind,
    fileName: file.fileName,
    status: file.status,
    rows: file.rows,
    errorCount: file.errorCount,
    errors: file.errors ?? [],
    createdAt: file.createdAt.toISOString(),
    finishedAt: file.finishedAt ? file.finishedAt.toISOString() : null,
  };
}
