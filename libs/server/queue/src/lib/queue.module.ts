import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { ComputePeriodProducer } from './compute-period.producer';
import { ImportFileProducer } from './import-file.producer';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { JobStatusService } from './job-status.service';
import { ProducerQueues } from './producer-queues';
import { PublishPeriodProducer } from './publish-period.producer';
import { QueueRelay } from './queue-relay.service';
import { QueueName } from './queue-names';

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
  providers: [ProducerQueues, ComputePeriodProducer, ImportFileProducer, PublishPeriodProducer, JobStatusService, QueueRelay],
  exports: [
    BullModule,
    ProducerQueues,
    ComputePeriodProducer,
    ImportFileProducer,
    PublishPeriodProducer,
    JobStatusService,
    QueueRelay,
  ],
})
export class QueueModule {}
