import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { ComputePeriodProducer } from './compute-period.producer';
import { ImportFileProducer } from './import-file.producer';
import { JobStatusService } from './job-status.service';
import { QueueName } from './queue-names';

/** Retries and retention, set once for every job. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue({ name: QueueName.Aggregate }, { name: QueueName.Schedule }, { name: QueueName.Import }),
  ],
  providers: [ComputePeriodProducer, ImportFileProducer, JobStatusService],
  exports: [BullModule, ComputePeriodProducer, ImportFileProducer, JobStatusService],
})
export class QueueModule {}
