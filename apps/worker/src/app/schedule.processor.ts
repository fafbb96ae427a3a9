import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { PeriodScheduleService, StarScheduleService } from '@scorecard/server-months';
import { JobName, QueueName, SCHEDULES, SCHEDULE_TIME_ZONE } from '@scorecard/server-queue';
import { type JobDispatcher, handlersForQueue } from './job-handlers';

/** How often a worker checks that the repeating schedules still exist in Redis. */
export const SCHEDULE_CHECK_INTERVAL_MS = 5000;

/**
 * The calendar jobs, one handler each: open the month that has ended (and open its star
 * nominations), remind agencies that are overdue, confirm stars whose publicity window has ended.
 * The worker does not start while a job of the schedule queue has no handler.
 */
@Processor(QueueName.Schedule)
export class ScheduleProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduleProcessor.name);
  private watch: NodeJS.Timeout | undefined;
  private checking = false;
  private readonly dispatch: JobDispatcher<Date>;

  constructor(
    private readonly schedule: PeriodScheduleService,
    private readonly stars: StarScheduleService,
    @InjectQueue(QueueName.Schedule) private readonly queue: Queue,
  ) {
    super();
    this.dispatch = handlersForQueue<Date>(QueueName.Schedule, {
      [JobName.OpenEndedMonth]: (now) => this.openEndedMonth(now),
      [JobName.RemindOverdue]: (now) => this.remindOverdue(now),
      [JobName.ConfirmStars]: (now) => this.confirmStars(now),
    });
  }

  /**
   * Idempotent: every worker upserts the same schedulers at start, and puts them back whenever
   * they are missing — a Redis restarted empty has lost them, and no worker restarts for that.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.upsertSchedules();
    this.watch = setInterval(() => void this.restoreSchedules(), SCHEDULE_CHECK_INTERVAL_MS);
    this.watch.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.watch);
  }

  private async upsertSchedules(): Promise<void> {
    for (const entry of SCHEDULES) {
      await this.queue.upsertJobScheduler(entry.id, { pattern: entry.pattern, tz: SCHEDULE_TIME_ZONE }, { name: entry.name });
    }
  }

  /** One check at a time; while Redis is away it simply waits for the next turn. */
  private async restoreSchedules(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const present = new Set((await this.queue.getJobSchedulers()).map((scheduler) => scheduler.key));
      if (SCHEDULES.some((entry) => !present.has(entry.id))) {
        await this.upsertSchedules();
        this.logger.warn('The repeating schedules were missing (Redis restarted empty?) and are back');
      }
    } catch (error) {
      this.logger.debug(`Cannot check the schedules now: ${String(error)}`);
    } finally {
      this.checking = false;
    }
  }

  async process(job: Job): Promise<unknown> {
    return this.dispatch(job.name, new Date());
  }

  private async openEndedMonth(now: Date) {
    const opened = await this.schedule.openEndedMonth(now);
    if (opened) this.logger.log(`Opened ${opened}`);
    // Idempotent, so a day the announcement failed is made up the next day.
    const nominations = await this.stars.announceNominations(now);
    return { opened, nominations };
  }

  private async remindOverdue(now: Date) {
    const reminded = await this.schedule.remindOverdue(now);
    for (const entry of reminded) {
      if (entry.agencies.length > 0) this.logger.log(`${entry.period}: reminded ${entry.agencies.length} agencies`);
    }
    return { reminded };
  }

  private async confirmStars(now: Date) {
    const confirmed = await this.stars.confirmDue(now);
    if (confirmed.length > 0) this.logger.log(`Confirmed ${confirmed.length} stars`);
    return { confirmed };
  }
}
