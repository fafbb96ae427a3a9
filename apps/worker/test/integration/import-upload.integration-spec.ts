import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { UPLOAD_CHUNK_BYTES } from '@scorecard/server-database';
import { ImportFileProducer, QueueName, importFileJobId } from '@scorecard/server-queue';
import {
  createTestDatabase,
  seedDemoProvince,
  startWorkerProcess,
  testConfig,
  waitFor,
} from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import { ImportScratch } from '../../src/app/import-scratch';
import {
  jobFinished,
  registerImportFile,
  scratchCopies,
  storedChunks,
} from '../support/import-jobs';

const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');
const MiB = 1024 * 1024;

/** What the process holds right now, garbage collected first (not what the collector has yet to return). */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function heldBytes(): number {
  collectGarbage();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/**
 * Uploads wait in PostgreSQL, in chunks, for whichever worker takes their import: the worker copies
 * one to its own scratch folder (`IMPORT_DIR`, on its own disk), reads it there and removes the
 * copy whatever happens; the chunks go when the import ends.
 */
describe('an upload on its way to a worker', () => {
  let config: AppConfig;
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext | null = null;
  /** Where the test writes the files it uploads: neither worker's folder. */
  let sources: string;
  let county: string;

  const db = () => (worker as INestApplicationContext).get(DataSource);
  const uploader = () => ({ username: `head-${county}`, role: 'agency_head', agency: county });

  /**
   * Keeps a stored upload out of the queue: the relay queues every `queued` import that has its
   * file, and a test that only copies one must not have a worker import it meanwhile.
   */
  const park = (importId: string) =>
    db().query(`UPDATE import_file SET status = 'needs_confirmation' WHERE id = $1`, [importId]);

  /** A ratings file of `rows` rows for the county, all in the open month. */
  async function writeRatings(rows: number): Promise<string> {
    const path = join(sources, `${randomUUID()}.csv`);
    await new Promise<void>((done, fail) => {
      const out = createWriteStream(path);
      out.on('error', fail);
      out.write('agency_code,rated_at,channel,level\n');
      for (let i = 0; i < rows; i++) {
        const minute = String(i % 60).padStart(2, '0');
        const day = String((i % 28) + 1).padStart(2, '0');
        out.write(`${county},2026-10-${day}T08:${minute}:00+08:00,online,${i % 3 === 0 ? 2 : 5}\n`);
      }
      out.end(done);
    });
    return path;
  }

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    sources = `${config.importDir}-sources`;
    mkdirSync(sources, { recursive: true });
    worker = await createWorkerContext(config);
    await seedDemoProvince(worker, DEMO_NOW);
    [{ code: county }] = await db().query(
      `SELECT a.code FROM agency a WHERE a.level = 'county'
          AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.period = '2026-10' AND s.agency_code = a.code)
        ORDER BY a.code LIMIT 1`,
    );
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await dropDatabase();
    rmSync(sources, { recursive: true, force: true });
  }, 60_000);

  it('copies an upload of several chunks byte for byte, and refuses a copy that differs', async () => {
    const path = join(sources, 'bytes.bin');
    // Bytes of every value, two and a half chunks.
    writeFileSync(path, randomBytes(UPLOAD_CHUNK_BYTES * 2 + UPLOAD_CHUNK_BYTES / 2));
    const importId = randomUUID();
    await registerImportFile(db(), {
      id: importId,
      kind: 'ratings',
      fileName: 'bytes.csv',
      path,
      uploader: uploader(),
    });
    await park(importId);
    expect(await storedChunks(db(), importId)).toBe(3);
    const [{ content_hash: contentHash }] = await db().query(
      'SELECT content_hash FROM import_file WHERE id = $1',
      [importId],
    );
    expect(contentHash).toBe(await sha256Of(path));

    const scratch = (worker as INestApplicationContext).get(ImportScratch);
    const copy = await scratch.copy(importId, contentHash);
    if (!copy) throw new Error('The stored upload was not found');
    expect(readFileSync(copy.path).equals(readFileSync(path))).toBe(true);
    await copy.remove();
    expect(scratchCopies(config.importDir)).toEqual([]);

    // One byte changed in the middle chunk: the copy is not the file uploaded, and is not kept.
    await db().query(
      `UPDATE import_upload_chunk SET data = set_byte(data, 10, (get_byte(data, 10) + 1) % 256)
        WHERE import_id = $1 AND seq = 1`,
      [importId],
    );
    await expect(scratch.copy(importId, contentHash)).rejects.toThrow(/not the/);
    expect(scratchCopies(config.importDir)).toEqual([]);
  });

  it('copies a large upload to its disk while holding less than half of it at any time', async () => {
    const bytes = 96 * MiB;
    const path = join(sources, 'large.bin');
    await new Promise<void>((done, fail) => {
      const out = createWriteStream(path);
      out.on('error', fail);
      const block = Buffer.alloc(MiB, 'a');
      for (let written = 0; written < bytes; written += block.length) out.write(block);
      out.end(done);
    });
    const importId = randomUUID();
    await registerImportFile(db(), {
      id: importId,
      kind: 'ratings',
      fileName: 'large.csv',
      path,
      uploader: uploader(),
    });
    await park(importId);
    const [{ content_hash: contentHash }] = await db().query(
      'SELECT content_hash FROM import_file WHERE id = $1',
      [importId],
    );
    const before = heldBytes();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, heldBytes())), 250);
    const copy = await (worker as INestApplicationContext)
      .get(ImportScratch)
      .copy(importId, contentHash)
      .finally(() => clearInterval(sampler));
    // A chunk or two in flight, and the database client's read buffers: never the file.
    expect(peak - before).toBeLessThan(bytes / 2);
    expect(copy).not.toBeNull();
    await copy?.remove();
    rmSync(path);
  }, 120_000);

  it('imports a file of several chunks exactly, then keeps neither its chunks nor its copy', async () => {
    const rows = 60_000;
    const path = await writeRatings(rows);
    const importId = randomUUID();
    await registerImportFile(db(), {
      id: importId,
      kind: 'ratings',
      fileName: 'ratings.csv',
      path,
      uploader: uploader(),
    });
    expect(await storedChunks(db(), importId)).toBeGreaterThan(1);
    const job = await jobFinished(
      worker as INestApplicationContext,
      await (worker as INestApplicationContext).get(ImportFileProducer).enqueue({ importId }),
    );
    expect(job.result).toMatchObject({ status: 'applied', rows });
    const [{ count }] = await db().query(
      'SELECT count(*)::int AS count FROM rating WHERE agency_code = $1',
      [county],
    );
    expect(count).toBe(rows);
    expect(await storedChunks(db(), importId)).toBe(0);
    expect(scratchCopies(config.importDir)).toEqual([]);
  });

  it('leaves no local copy on either worker when one is killed mid-import and another runs it again', async () => {
    const path = await writeRatings(600_000);
    const importId = randomUUID();
    await registerImportFile(db(), {
      id: importId,
      kind: 'ratings',
      fileName: 'ratings.csv',
      path,
      uploader: uploader(),
    });
    // Two hosts: each worker has its own scratch folder, which the other cannot see.
    const first = { ...config, importDir: `${config.importDir}-first` };
    const second = { ...config, importDir: `${config.importDir}-second` };

    // Only the first worker may take the job.
    await (worker as INestApplicationContext).close();
    worker = null;
    const queue = new Queue(QueueName.Import, {
      connection: { url: config.redisUrl },
      prefix: config.queuePrefix,
    });
    const jobId = importFileJobId(importId);
    try {
      await queue.add('import-file', { importId }, { jobId, attempts: 3 });
      const child = startWorkerProcess(first);
      try {
        await waitFor(
          async () => {
            const job = await queue.getJob(jobId);
            return typeof job?.progress === 'number' && job.progress >= 20 ? true : undefined;
          },
          { what: 'the import to be under way', timeoutMs: 90_000, intervalMs: 50 },
        );
      } finally {
        await child.kill();
      }
      // Killed outright, it could not clean up after itself.
      expect(scratchCopies(first.importDir)).toEqual([`${importId}.upload`]);

      // The second worker runs the import again from the stored upload and applies it.
      worker = await createWorkerContext(second);
      const job = await jobFinished(worker, jobId, 180_000);
      expect(job.result).toMatchObject({ status: 'applied', rows: 600_000 });
      expect(await storedChunks(db(), importId)).toBe(0);
      expect(scratchCopies(second.importDir)).toEqual([]);

      // The first host's worker, back, sweeps what its killed run left.
      const back = startWorkerProcess(first);
      try {
        await waitFor(
          async () => (scratchCopies(first.importDir).length === 0 ? true : undefined),
          {
            what: "the killed run's local copy to be removed",
            timeoutMs: 60_000,
            intervalMs: 250,
          },
        );
      } finally {
        await back.stop();
      }
    } finally {
      await queue.close();
    }
  }, 300_000);
});
