import type { INestApplicationContext } from '@nestjs/common';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { JobDto } from '@scorecard/contracts';
import {
  type ImportOutcome,
  ImportUploadRepository,
  RawRecordImporter,
} from '@scorecard/server-database';
import { readImportFile } from '@scorecard/server-imports';
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

/**
 * Reads a registered ratings file and applies it as the province admin, in this process and
 * without the job around it (no clean-up of what it supersedes afterwards).
 */
export function applyRatingsFile(
  worker: INestApplicationContext,
  file: { importId: string; path: string; agencies: string[]; now: Date },
): Promise<ImportOutcome> {
  const reader = readImportFile({
    stream: createReadStream(file.path),
    fileName: 'ratings.csv',
    context: {
      kind: 'ratings',
      agenciesInScope: new Set(file.agencies),
      knownAgencies: new Set(file.agencies),
      indicatorsFor: () => new Map([['satisfaction', { allowsOverTarget: false }]]),
      now: file.now,
      maxErrors: 10,
    },
    xlsxLimits: { maxPartBytes: 1 << 20, maxTotalBytes: 1 << 20 },
  });
  return worker.get(RawRecordImporter).apply({
    importId: file.importId,
    kind: 'ratings',
    contentHash: file.importId.replace(/-/g, '').padEnd(64, '0'),
    uploader: { username: 'admin', role: 'province_admin', agencyCode: '330000' },
    replaceTyped: true,
    batches: reader.batches,
    summary: reader.summary,
  });
}
