import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { JobDto } from '@scorecard/contracts';
import { JobStatusService } from '@scorecard/server-queue';
import { waitFor } from '@scorecard/server-testing';

/** Records an uploaded file as the API does, so that its import job can run. */
export async function registerImportFile(
  dataSource: DataSource,
  file: {
    id: string;
    kind: 'ratings' | 'consultations' | 'submissions';
    fileName: string;
    uploader: { username: string; role: string; agency: string };
    /** Unique per test file unless a test means the same content. */
    contentHash?: string;
    /** The uploader agreed beforehand that the file replaces figures typed in by hand. */
    replaceTyped?: boolean;
  },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO import_file (id, kind, file_name, size_bytes, content_hash, uploaded_by, uploader_role, uploader_agency, replace_typed)
     VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8)`,
    [
      file.id,
      file.kind,
      file.fileName,
      file.contentHash ?? randomUUID().replace(/-/g, '').padEnd(64, '0'),
      file.uploader.username,
      file.uploader.role,
      file.uploader.agency,
      file.replaceTyped ?? false,
    ],
  );
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
