import type { INestApplicationContext } from '@nestjs/common';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { JobDto } from '@scorecard/contracts';
import { ImportUploadRepository } from '@scorecard/server-database';
import { JobStatusService } from '@scorecard/server-queue';
import { waitFor } from '@scorecard/server-testing';

/**
 * Records an uploaded file as the API does (streamed into PostgreSQL with its import, in one
 * transaction), so that its import job can run on any worker.
 */
export async function registerImportFile(
  dataSource: DataSource,
  file: {
    id: string;
    kind: 'ratings' | 'consultations' | 'submissions';
    fileName: string;
    /** The file to upload, as written by the test. */
    path: string;
    uploader: { username: string; role: string; agency: string };
    /** The uploader agreed beforehand that the file replaces figures typed in by hand. */
    replaceTyped?: boolean;
  },
): Promise<void> {
  const upload = await new ImportUploadRepository(dataSource).receive(
    createReadStream(file.path),
    file.id,
  );
  await upload.record({
    kind: file.kind,
    fileName: file.fileName,
    uploadedBy: file.uploader.username,
    uploaderRole: file.uploader.role,
    uploaderAgency: file.uploader.agency,
    replaceTyped: file.replaceTyped ?? false,
  });
}

/** How many chunks of the import's upload PostgreSQL still holds. */
export async function storedChunks(dataSource: DataSource, importId: string): Promise<number> {
  const [{ count }] = await dataSource.query(
    'SELECT count(*)::int AS count FROM import_upload_chunk WHERE import_id = $1',
    [importId],
  );
  return count as number;
}

/** The local copies of uploads a worker left in its scratch folder (`IMPORT_DIR`). */
export function scratchCopies(importDir: string): string[] {
  return existsSync(importDir)
    ? readdirSync(importDir).filter((name) => name.endsWith('.upload'))
    : [];
}

/** Waits until a job has completed or failed, and gives its state. */
export function jobFinished(
  worker: INestApplicationContext,
  jobId: string,
  timeoutMs = 90_000,
): Promise<JobDto> {
  return waitFor(
    async () => {
      const job = await worker.get(JobStatusService).find(jobId);
      return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined;
    },
    { what: `job ${jobId}`, timeoutMs, intervalMs: 250 },
  );
}
