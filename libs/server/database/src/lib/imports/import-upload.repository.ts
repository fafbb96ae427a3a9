import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import type { ImportFileRow } from './import-file.repository';

/** How much of an upload one row holds: the most either side keeps in memory at a time. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

/** What the uploader's request tells of the import, beside the file itself. */
export type NewImportFile = Pick<
  ImportFileRow,
  'kind' | 'fileName' | 'uploadedBy' | 'uploaderRole' | 'uploaderAgency' | 'replaceTyped'
>;

/** A file stored in an open transaction: recorded as a queued import, or dropped. */
export interface ReceivedUpload {
  /** The import's id, chosen as the file arrived. */
  id: string;
  sizeBytes: number;
  /** SHA-256 of the bytes, hex. */
  contentHash: string;
  /** Records the import as `queued` and commits it together with its file. */
  record(file: NewImportFile): Promise<void>;
  /** Drops the file; nothing of it stays. No-op once recorded or dropped. */
  discard(): Promise<void>;
}

/**
 * Uploads wait in PostgreSQL for whichever worker takes their import (the API and the workers share
 * no disk): `import_upload_chunk` rows of {@link UPLOAD_CHUNK_BYTES} each, written while the upload
 * streams in, in the transaction that records the import, and removed when the import ends.
 */
@Injectable()
export class ImportUploadRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Streams a file into a new transaction, one chunk at a time (waiting for each write before
   * reading on, so a slow database slows the upload rather than filling memory). The transaction
   * stays open until the answer's `record` or `discard`. `id`: the import's id, new unless given.
   */
  async receive(file: AsyncIterable<Buffer>, id: string = randomUUID()): Promise<ReceivedUpload> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const client = clientOf(runner);
    let open = true;
    const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!open) return;
      open = false;
      try {
        await client.query(sql);
      } finally {
        await runner.release();
      }
    };
    const hash = createHash('sha256');
    let size = 0;
    try {
      await client.query('BEGIN');
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (data: Buffer) => {
        await client.query(
          'INSERT INTO import_upload_chunk (import_id, seq, data) VALUES ($1, $2, $3)',
          [id, seq++, data],
        );
      };
      for await (const piece of file) {
        hash.update(piece);
        size += piece.length;
        pending.push(piece);
        pendingBytes += piece.length;
        while (pendingBytes >= UPLOAD_CHUNK_BYTES) {
          const joined = Buffer.concat(pending);
          await flush(joined.subarray(0, UPLOAD_CHUNK_BYTES));
          const rest = joined.subarray(UPLOAD_CHUNK_BYTES);
          pending = rest.length > 0 ? [rest] : [];
          pendingBytes = rest.length;
        }
      }
      // An empty file is still one (empty) chunk: stored, as against gone.
      if (pendingBytes > 0 || seq === 0) await flush(Buffer.concat(pending));
    } catch (error) {
      await end('ROLLBACK').catch(() => undefined);
      throw error;
    }
    const contentHash = hash.digest('hex');
    return {
      id,
      sizeBytes: size,
      contentHash,
      record: async (record) => {
        if (!open) throw new Error(`Upload ${id} was already recorded or dropped`);
        try {
          await client.query(
            `INSERT INTO import_file (id, kind, file_name, size_bytes, content_hash, uploaded_by, uploader_role, uploader_agency, replace_typed)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              id,
              record.kind,
              record.fileName,
              size,
              contentHash,
              record.uploadedBy,
              record.uploaderRole,
              record.uploaderAgency,
              record.replaceTyped,
            ],
          );
        } catch (error) {
          await end('ROLLBACK').catch(() => undefined);
          throw error;
        }
        await end('COMMIT');
      },
      discard: () => end('ROLLBACK'),
    };
  }

  /** Whether the import's file is still stored. */
  async has(importId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM import_upload_chunk WHERE import_id = $1 LIMIT 1',
      [importId],
    );
    return rows.length > 0;
  }

  /**
   * The stored file, chunk after chunk, each read when the previous one was taken (no connection
   * is held in between). Empty when the file is gone.
   */
  async *read(importId: string): AsyncGenerator<Buffer> {
    let seq = -1;
    for (;;) {
      const rows: { seq: number; data: Buffer }[] = await this.dataSource.query(
        'SELECT seq, data FROM import_upload_chunk WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT 1',
        [importId, seq],
      );
      const row = rows[0];
      if (!row) return;
      seq = row.seq;
      yield row.data;
    }
  }
}

function clientOf(runner: QueryRunner): PoolClient {
  return (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
}
