import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { ImportFileRepository, toImportDto } from '@scorecard/server-database';
import { importErrorRenderer } from '@scorecard/server-imports';
import { QueueName, importFileJobId } from '@scorecard/server-queue';
import {
  createTestDatabase,
  seedDemoProvince,
  startWorkerProcess,
  testConfig,
  waitFor,
} from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import { registerImportFile, scratchCopies, storedChunks } from '../support/import-jobs';

const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');

/**
 * A worker killed twice on the same import: BullMQ's stalled check then fails the job for good.
 * The import must not stay `queued` forever: it ends `failed` with a reason people understand,
 * and its stored upload is removed, whichever process notices.
 */
describe('an import whose worker is killed twice', () => {
  let config: AppConfig;
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext | null = null;
  let queue: Queue;

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    worker = await createWorkerContext(config);
    await seedDemoProvince(worker, DEMO_NOW);
    queue = new Queue(QueueName.Import, { connection: { url: config.redisUrl }, prefix: config.queuePrefix });
  }, 120_000);

  afterAll(async () => {
    await queue?.close();
    await worker?.close();
    await dropDatabase();
  }, 60_000);

  it('ends failed with the reason, and its upload removed', async () => {
    const dataSource = (worker as INestApplicationContext).get(DataSource);
    const [{ code: county }] = await dataSource.query(
      `SELECT code FROM agency WHERE level = 'county' ORDER BY code LIMIT 1`,
    );
    // Large enough that each run is killed well inside the file (a million rows take a worker
    // about a second once the upload is copied to it; each run is killed 300 ms into the job).
    const importId = randomUUID();
    const path = join(config.importDir, `${importId}.csv`);
    await new Promise<void>((done, fail) => {
      const out = createWriteStream(path);
      out.on('error', fail);
      out.write('agency_code,rated_at,channel,level\n');
      for (let i = 0; i < 1_000_000; i++) {
        const minute = String(i % 60).padStart(2, '0');
        const day = String((i % 28) + 1).padStart(2, '0');
        out.write(`${county},2026-10-${day}T08:${minute}:00+08:00,online,${i % 3 === 0 ? 2 : 5}\n`);
      }
      out.end(done);
    });
    await registerImportFile(dataSource, {
      id: importId,
      kind: 'ratings',
      fileName: 'ratings.csv',
      path,
      uploader: { username: `head-${county}`, role: 'agency_head', agency: county },
    });

    // Only the child workers may take the job.
    await (worker as INestApplicationContext).close();
    worker = null;
    const jobId = importFileJobId(importId);
    await queue.add('import-file', { importId }, { jobId, attempts: 3 });

    for (const round of [1, 2]) {
      const child = startWorkerProcess(config);
      try {
        await waitFor(
          async () => {
            const job = await queue.getJob(jobId);
            if (!job || (await job.getState()) !== 'active') return undefined;
            // The second run is the one the stalled check handed back after the first kill.
            return round === 1 || job.stalledCounter >= 1 ? true : undefined;
          },
          { what: `run ${round} of the import to be under way`, timeoutMs: 90_000, intervalMs: 50 },
        );
        await new Promise((done) => setTimeout(done, 300));
      } finally {
        await child.kill();
      }
    }

    // A worker that survives notices: the job fails for good, and so does the import.
    worker = await createWorkerContext(config);
    const files = worker.get(ImportFileRepository);
    const failed = await waitFor(
      async () => {
        const file = await files.find(importId);
        return file && file.status !== 'queued' ? file : undefined;
      },
      { what: 'the import to end', timeoutMs: 90_000, intervalMs: 250 },
    );
    expect(toImportDto(failed, importErrorRenderer('en'))).toMatchObject({ status: 'failed', failureReason: 'interrupted' });
    expect(failed.finishedAt).not.toBeNull();
    expect(await storedChunks(worker.get(DataSource), importId)).toBe(0);
    // The killed runs' local copy is swept by the worker on their disk.
    await waitFor(async () => (scratchCopies(config.importDir).length === 0 ? true : undefined), {
      what: 'the local copies to be removed',
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    // Nothing of the file was applied.
    const [{ count }] = await worker.get(DataSource).query('SELECT count(*)::int AS count FROM rating WHERE agency_code = $1', [
      county,
    ]);
    expect(count).toBe(0);
    expect(await (await queue.getJob(jobId))?.getState()).toBe('failed');
  }, 300_000);
});
