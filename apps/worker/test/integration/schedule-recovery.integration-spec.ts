import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { AppConfig } from '@scorecard/server-config';
import { QueueName, SCHEDULES } from '@scorecard/server-queue';
import { SeparateRedis, createTestDatabase, testConfig, waitFor } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';

/**
 * The repeating schedules (month opening, reminders, star confirmation) live only in Redis. When
 * Redis loses them — emptied, or restarted empty — a running worker puts them back by itself.
 */
describe('repeating schedules when Redis comes back empty', () => {
  let redis: SeparateRedis;
  let config: AppConfig;
  let worker: INestApplicationContext;
  let dropDatabase: () => Promise<void>;
  let queue: Queue;

  const schedulerKeys = async () => (await queue.getJobSchedulers()).map((scheduler) => scheduler.key).sort();
  const allBack = () =>
    waitFor(
      async () => ((await schedulerKeys()).length === SCHEDULES.length ? true : undefined),
      { what: 'the schedules to be back', timeoutMs: 30_000, intervalMs: 250 },
    );
  const expected = SCHEDULES.map((entry) => entry.id).sort();

  beforeAll(async () => {
    redis = await SeparateRedis.start();
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url, { REDIS_URL: redis.url });
    worker = await createWorkerContext(config);
    queue = new Queue(QueueName.Schedule, { connection: { url: redis.url }, prefix: config.queuePrefix });
  }, 120_000);

  afterAll(async () => {
    await queue?.close();
    await worker?.close();
    await redis?.stop();
    await dropDatabase?.();
  }, 60_000);

  it('puts them back after FLUSHALL', async () => {
    expect(await schedulerKeys()).toEqual(expected);
    const client = new IORedis(redis.url);
    await client.flushall();
    await client.quit();
    expect(await schedulerKeys()).toEqual([]);
    await allBack();
    expect(await schedulerKeys()).toEqual(expected);
  });

  it('puts them back after Redis restarts empty, with no worker restarted', async () => {
    await redis.stop();
    await redis.restart();
    await allBack();
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => [scheduler.key, scheduler.pattern, scheduler.tz]).sort()).toEqual(
      SCHEDULES.map((entry) => [entry.id, entry.pattern, 'Asia/Shanghai']).sort(),
    );
  }, 60_000);
});
