import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { PeriodScheduleService } from '@scorecard/server-months';
import { QueueName } from '@scorecard/server-queue';
import { createTestDatabase, seedDemoProvince, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';

describe('calendar jobs', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let schedule: PeriodScheduleService;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    worker = await createWorkerContext(testConfig(database.url));
    dataSource = worker.get(DataSource);
    schedule = worker.get(PeriodScheduleService);
    await seedDemoProvince(worker, new Date('2026-11-22T10:00:00+08:00'));
  });
  afterAll(async () => {
    await worker.close();
    await dropDatabase();
  });

  it('registers the repeating jobs in Shanghai time', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.Schedule));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => [scheduler.key, scheduler.pattern, scheduler.tz]).sort()).toEqual([
      ['confirm-stars', '*/15 * * * *', 'Asia/Shanghai'],
      ['open-ended-month', '5 0 * * *', 'Asia/Shanghai'],
      ['remind-overdue', '0 9 * * *', 'Asia/Shanghai'],
    ]);
  });

  it('opens November on 1 December, Shanghai time, due on the 5th moved past the weekend, once', async () => {
    // 30 November 16:05 UTC is already 1 December in Shanghai.
    expect(await schedule.openEndedMonth(new Date('2026-11-30T16:05:00Z'))).toBe('2026-11');
    expect(await schedule.openEndedMonth(new Date('2026-12-01T09:00:00+08:00'))).toBeNull();
    const [month] = await dataSource.query(`SELECT status, to_char(due_date, 'YYYY-MM-DD') AS due FROM period WHERE period = '2026-11'`);
    // 5 December 2026 is a Saturday: an empty calendar still keeps weekends off.
    expect(month).toEqual({ status: 'open', due: '2026-12-07' });
    const events = await dataSource.query(`SELECT action, actor FROM period_event WHERE period = '2026-11'`);
    expect(events).toEqual([{ action: 'open', actor: 'system' }]);
    // Still November in Shanghai: nothing new to open.
    expect(await schedule.openEndedMonth(new Date('2026-11-30T15:59:00Z'))).toBeNull();
  });

  it('reminds the agencies that have not reported once the due date has passed', async () => {
    const missing: { code: string }[] = await dataSource.query(
      `SELECT code FROM agency a WHERE NOT EXISTS (SELECT 1 FROM submission s WHERE s.period = '2026-10' AND s.agency_code = a.code) ORDER BY code`,
    );
    expect(missing.length).toBeGreaterThan(0);
    // On the due date itself nobody is overdue yet.
    expect(await schedule.remindOverdue(new Date('2026-11-05T09:00:00+08:00'))).toEqual([]);
    const reminded = await schedule.remindOverdue(new Date('2026-11-06T09:00:00+08:00'));
    expect(reminded).toEqual([{ period: '2026-10', agencies: missing.map((row) => row.code) }]);
    // Once per agency and month.
    expect(await schedule.remindOverdue(new Date('2026-11-07T09:00:00+08:00'))).toEqual([{ period: '2026-10', agencies: [] }]);
  });

  it('opens December due by next year’s calendar: a holiday on the due day moves it to the next working day', async () => {
    await dataSource.query(`INSERT INTO calendar_day (day, kind) VALUES ('2027-01-05', 'holiday'), ('2027-01-06', 'holiday')`);
    expect(await schedule.openEndedMonth(new Date('2027-01-01T00:10:00+08:00'))).toBe('2026-12');
    const [month] = await dataSource.query(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM period WHERE period = '2026-12'`);
    expect(month).toEqual({ due: '2027-01-07' });
  });
});
