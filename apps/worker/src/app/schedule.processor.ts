import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { PeriodScheduleService } from '@scorecard/server-database';
import { JobName, QueueName, SCHEDULES, SCHEDULE_TIME_ZONE } from '@scorecard/server-queue';

/** The calendar jobs: open the month that has ended, remind agencies that are overdue. */
@Processor(QueueName.Schedule)
export class ScheduleProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduleProcessor.name);

  constructor(
    private readonly schedule: PeriodScheduleService,
    @InjectQueue(QueueName.Schedule) private readonly queue: Queue,
  ) {
    super();
  }

  /** Idempotent: every worker upserts the same schedulers. */
  async onApplicationBootstrap(): Promise<void> {
    for (const entry of SCHEDULES) {
      await this.queue.upsertJobScheduler(entry.id, { pattern: entry.pattern, tz: SCHEDULE_TIME_ZONE }, { name: entry.name });
    }
  }

  async process(job: Job): Promise<unknown> {
    const now = new Date();
    switch (job.name as JobName) {
      case JobName.OpenEndedMonth: {
        const opened = await this.schedule.openEndedMonth(now);
        if (opened) this.logger.log(`Opened ${opened}`);
        return { opened };
      }
      case JobName.RemindOverdue: {
        const reminded = await this.schedule.remindOverdue(now);
        for (const entry of reminded) {
          if (entry.agencies.length > 0) this.logger.log(`${entry.period}: reminded ${entry.agencies.length} agencies`);
        }
        return { reminded };
      }
      default:
        throw new Error(`No handler for job ${job.name}`);
    }
  }
}
