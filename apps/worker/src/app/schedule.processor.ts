import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { PeriodScheduleService, StarScheduleService } from '@scorecard/server-months';
import { JobName, QueueName, SCHEDULES, SCHEDULE_TIME_ZONE } from '@scorecard/server-queue';
import { type JobDispatcher, handlersForQueue } from './job-handlers';

/**
 * The calendar jobs, one handler each: open the month that has ended (and open its star
 * nominations), remind agencies that are overdue, confirm stars whose publicity window has ended.
 * The worker does not start while a job of the schedule queue has no handler.
 */
@Processor(QueueName.Schedule)
export class ScheduleProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduleProcessor.name);
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

  /** Idempotent: every worker upserts the same schedulers. */
  async onApplicationBootstrap(): Promise<void> {
    for (const entry of SCHEDULES) {
      await this.queue.upsertJobScheduler(entry.id, { pattern: entry.pattern, tz: SCHEDULE_TIME_ZONE }, { name: entry.name });
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
