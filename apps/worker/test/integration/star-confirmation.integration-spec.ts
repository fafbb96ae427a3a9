import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { type Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { StarObjectionRepository, StarRepository } from '@scorecard/server-database';
import { StarScheduleService } from '@scorecard/server-months';
import { JobName, QueueName } from '@scorecard/server-queue';
import { createTestDatabase, seedDemoProvince, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';

const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');
const PERIOD = '2026-10';
const DAY_MS = 86_400_000;

/** The scheduled confirmation of stars (一月一星) once their publicity window (公示) is over. */
describe('star confirmation job', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let stars: StarRepository;
  let schedule: StarScheduleService;
  let dropDatabase: () => Promise<void>;
  const queuePrefix = `test${process.pid}stars${Date.now().toString(36)}`;

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    worker = await createWorkerContext(testConfig(database.url, { QUEUE_PREFIX: queuePrefix }));
    dataSource = worker.get(DataSource);
    stars = worker.get(StarRepository);
    schedule = worker.get(StarScheduleService);
    await seedDemoProvince(worker, DEMO_NOW);
  });
  afterAll(async () => {
    await worker.close();
    await dropDatabase();
  });

  /** A star selected at `selectedAt` in the open month, publicised for 5 days. */
  const publicise = async (agencyCode: string, selectedAt: Date): Promise<string> =>
    dataSource.transaction(async (manager) => {
      await stars.ensureRound(manager, PERIOD, agencyCode);
      const id = await stars.insertCandidate(manager, {
        period: PERIOD,
        agencyCode,
        staffUsername: `staff-${agencyCode}-4`,
        post: '窗口服务员',
        reason: '服务热情',
        evidence: null,
        nominatedBy: `head-${agencyCode}`,
      });
      await stars.setScores(manager, id, { work: '90.00', leader: '90.00', attendance: '90.00' });
      await stars.select(manager, {
        period: PERIOD,
        agencyCode,
        candidateId: id,
        total: '72.00',
        selectedBy: `head-${agencyCode}`,
        selectedAt,
        publicityEndsAt: new Date(selectedAt.getTime() + 5 * DAY_MS),
      });
      return id;
    });
  const statusOf = async (agencyCode: string) =>
    (await stars.findRound(PERIOD, agencyCode))?.status;

  it('confirms a star once its 5 days are over, with one audit entry and a message to the star, once', async () => {
    const selectedAt = new Date('2026-11-10T10:00:00+08:00');
    await publicise('330102', selectedAt);

    expect(await schedule.confirmDue(new Date(selectedAt.getTime() + 5 * DAY_MS - 1000))).toEqual(
      [],
    );
    expect(await statusOf('330102')).toBe('publicizing');

    const auditBefore = Number(
      (await dataSource.query(`SELECT count(*) AS count FROM audit_log`))[0].count,
    );
    const at = new Date(selectedAt.getTime() + 5 * DAY_MS);
    expect(await schedule.confirmDue(at)).toEqual([{ period: PERIOD, agencyCode: '330102' }]);
    const round = await stars.findRound(PERIOD, '330102');
    expect(round).toMatchObject({ status: 'confirmed', confirmedAt: at });
    const audit = await dataSource.query(
      `SELECT username, action, target, before, after FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        username: 'system',
        action: 'star.confirm',
        target: `star/${PERIOD}/330102`,
        before: expect.objectContaining({ status: 'publicizing' }),
        after: expect.objectContaining({ status: 'confirmed' }),
      }),
    ]);
    expect(
      Number((await dataSource.query(`SELECT count(*) AS count FROM audit_log`))[0].count),
    ).toBe(auditBefore + 1);
    const messages = await dataSource.query(
      `SELECT kind FROM notification WHERE username = 'staff-330102-4'`,
    );
    expect(messages).toContainEqual({ kind: 'star.confirmed' });

    // Idempotent: nothing left to confirm.
    expect(await schedule.confirmDue(new Date(at.getTime() + DAY_MS))).toEqual([]);
  });

  it('leaves a star publicised while an objection is open, whatever the date', async () => {
    const selectedAt = new Date('2026-11-11T10:00:00+08:00');
    const candidateId = await publicise('330105', selectedAt);
    await dataSource.transaction((manager) =>
      worker.get(StarObjectionRepository).insertObjection(manager, {
        period: PERIOD,
        agencyCode: '330105',
        candidateId,
        reason: '有异议',
        filedBy: 'staff-330105-1',
      }),
    );
    expect(await schedule.confirmDue(new Date(selectedAt.getTime() + 30 * DAY_MS))).toEqual([]);
    expect(await statusOf('330105')).toBe('publicizing');
  });

  it('runs as the scheduled BullMQ job on the schedule queue', async () => {
    // Selected more than 5 days before the real clock the processor reads.
    await publicise('330106', new Date(Date.now() - 6 * DAY_MS));
    const queue = worker.get<Queue>(getQueueToken(QueueName.Schedule));
    const events = new QueueEvents(QueueName.Schedule, {
      connection: { url: process.env['SCORECARD_TEST_REDIS_URL'] as string },
      prefix: queuePrefix,
    });
    try {
      await events.waitUntilReady();
      const job = await queue.add(JobName.ConfirmStars, {});
      const result = await job.waitUntilFinished(events, 20_000);
      expect(result).toEqual({
        confirmed: expect.arrayContaining([{ period: PERIOD, agencyCode: '330106' }]),
      });
      expect(result.confirmed).not.toContainEqual({ period: PERIOD, agencyCode: '330105' });
      expect(await statusOf('330106')).toBe('confirmed');
    } finally {
      await events.close();
    }
  });

  it('tells agency heads once a month that nominations are open', async () => {
    const first = await schedule.announceNominations(new Date('2026-11-23T00:05:00+08:00'));
    // The demo load already announced 2026-10.
    expect(first).toEqual({ period: PERIOD, notified: 0 });
    const december = await schedule.announceNominations(new Date('2026-12-01T00:05:00+08:00'));
    expect(december).toBeNull(); // November is not open yet
    const heads = await dataSource.query(
      `SELECT count(*)::int AS count FROM notification WHERE kind = 'star.nomination_opened' AND username LIKE 'head-%'`,
    );
    expect(heads[0].count).toBeGreaterThan(90);
  });
});
