import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import type { Readable } from 'node:stream';
import type { ImportUploadRepository, ReceivedUpload } from '@scorecard/server-database';

/** What multer hands the controller for a file stored by {@link PostgresUploadStorage}. */
export interface StoredUploadFile {
  originalname: string;
  size: number;
  upload: ReceivedUpload;
}

/**
 * A multer storage engine that streams the upload into PostgreSQL, a chunk at a time, in the
 * transaction that will record its import: the API keeps no file on its disk and never the whole
 * file in memory. Whatever ends the request without recording the import (a refused form, a
 * file over the limit, a dropped connection) drops the stored file with it.
 */
export class PostgresUploadStorage implements StorageEngine {
  constructor(private readonly uploads: ImportUploadRepository) {}

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<StoredUploadFile>) => void,
  ): void {
    this.uploads.receive(file.stream as Readable).then(
      (upload) => {
        // Nest removes the file of a request its pipes refuse; any other answer given without
        // recording it must end the transaction too (a no-op once recorded).
        req.res?.once('close', () => void upload.discard().catch(() => undefined));
        callback(null, { size: upload.sizeBytes, upload });
      },
      (error: unknown) => callback(error),
    );
  }

  _removeFile(
    _req: Request,
    file: Express.Multer.File & Partial<StoredUploadFile>,
    callback: (error: Error | null) => void,
  ): void {
    if (!file.upload) return callback(null);
    file.upload.discard().then(
      () => callback(null),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
