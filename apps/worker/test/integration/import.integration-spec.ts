import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { ImportFileProducer, QueueName } from '@scorecard/server-queue';
import {
  createTestDatabase,
  seedDemoProvince,
  startWorkerProcess,
  testConfig,
  waitFor,
} from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import {
  jobFinished,
  registerImportFile,
  scratchCopies,
  storedChunks,
} from '../support/import-jobs';

const OPEN_PERIOD = '2026-10';
const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');

describe('import jobs', () => {
  let config: AppConfig;
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext | null = null;

  /** An unreported county of the open month, whose figures the imports create. */
  let county: string;

  const dataSourceOf = () => (worker as INestApplicationContext).get(DataSource);

  /** Writes a ratings file of `good` + `poor` rows and registers it as an upload of head-<county>. */
  async function stageRatings(
    good: number,
    poor: number,
    extraLines: string[] = [],
  ): Promise<{ importId: string }> {
    const importId = randomUUID();
    const path = join(config.importDir, `${importId}.csv`);
    await new Promise<void>((done, fail) => {
      const out = createWriteStream(path);
      out.on('error', fail);
      out.write('agency_code,rated_at,channel,level\n');
      for (let i = 0; i < good + poor; i++) {
        const minute = String(i % 60).padStart(2, '0');
        const day = String((i % 28) + 1).padStart(2, '0');
        out.write(`${county},2026-10-${day}T08:${minute}:00+08:00,online,${i < good ? 5 : 2}\n`);
      }
      for (const line of extraLines) out.write(`${line}\n`);
      out.end(done);
    });
    await registerImportFile(dataSourceOf(), {
      id: importId,
      kind: 'ratings',
      fileName: 'ratings.csv',
      path,
      uploader: { username: `head-${county}`, role: 'agency_head', agency: county },
    });
    return { importId };
  }

  const finished = (jobId: string) => jobFinished(worker as INestApplicationContext, jobId);

  const satisfaction = async () =>
    (
      await dataSourceOf().query(
        `SELECT numerator::text, denominator::text FROM submission_value
          WHERE period = $1 AND agency_code = $2 AND indicator_code = 'satisfaction'`,
        [OPEN_PERIOD, county],
      )
    )[0];

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    worker = await createWorkerContext(config);
    await seedDemoProvince(worker, DEMO_NOW);
    [{ code: county }] = await dataSourceOf().query(
      `SELECT a.code FROM agency a WHERE a.level = 'county'
          AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.period = $1 AND s.agency_code = a.code)
        ORDER BY a.code LIMIT 1`,
      [OPEN_PERIOD],
    );
  });
  afterAll(async () => {
    await worker?.close();
    await dropDatabase();
  });

  it('applies a ratings file and derives satisfaction exactly', async () => {
    const { importId } = await stageRatings(300, 100);
    const jobId = await (worker as INestApplicationContext)
      .get(ImportFileProducer)
      .enqueue({ importId });
    const job = await finished(jobId);
    expect(job.result).toMatchObject({ status: 'applied', rows: 400 });
    expect(await satisfaction()).toEqual({ numerator: '300.00', denominator: '400.00' });
    // Applied: neither the stored upload nor the worker's local copy stays.
    expect(await storedChunks(dataSourceOf(), importId)).toBe(0);
    expect(scratchCopies(config.importDir)).toEqual([]);
  });

  it('assigns months in Shanghai time: 2026-10-31T16:30:00Z is November, which is not open', async () => {
    const { importId } = await stageRatings(1, 0, [`${county},2026-10-31T16:30:00Z,app,5`]);
    const job = await finished(
      await (worker as INestApplicationContext).get(ImportFileProducer).enqueue({ importId }),
    );
    expect(job.result).toMatchObject({ status: 'rejected' });
    expect((job.result as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ field: 'period', value: '2026-11' }),
    ]);
    expect(await satisfaction()).toEqual({ numerator: '300.00', denominator: '400.00' });
  });

  it('leaves nothing behind when the worker is killed mid-import, and the retried job finishes with exact totals', async () => {
    // Only the child worker may pick up the job: stop the in-process one first.
    const { importId } = await stageRatings(400_000, 200_000);
    await (worker as INestApplicationContext).close();
    worker = null;

    const queue = new Queue(QueueName.Import, {
      connection: { url: config.redisUrl },
      prefix: config.queuePrefix,
    });
    const jobId = `import-${importId}`;
    await queue.add('import-file', { importId }, { jobId, attempts: 3 });

    const child = startWorkerProcess(config, 'warn');
    try {
      // Kill it once it is well into the file.
      await waitFor(
        async () => {
          const job = await queue.getJob(jobId);
          return typeof job?.progress === 'number' && job.progress >= 20 ? true : undefined;
        },
        { what: 'the import to be under way', timeoutMs: 60_000, intervalMs: 50 },
      );
    } finally {
      await child.kill();
    }

    worker = await createWorkerContext(config);
    const rows = async () =>
      Number(
        (
          await dataSourceOf().query('SELECT count(*) FROM rating WHERE agency_code = $1', [county])
        )[0].count,
      );
    // Nothing of the killed run: still the 400 ratings of the first file.
    expect(await rows()).toBe(400);
    expect(await satisfaction()).toEqual({ numerator: '300.00', denominator: '400.00' });

    const job = await finished(jobId);
    await queue.close();
    expect(job.result).toMatchObject({ status: 'applied', rows: 600_000 });
    expect(await rows()).toBe(600_000);
    expect(await satisfaction()).toEqual({ numerator: '400000.00', denominator: '600000.00' });
    // Stall detection and re-reading 600,000 rows take a minute or more on a busy machine.
  }, 240_000);
});
