import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ProducerQueues } from './producer-queues';
import { type PublishPeriodJobData, publishPeriodJobId } from './publish-period.job';
import { JobName, QueueName } from './queue-names';

/** The only caller of `queue.add` for publications. */
@Injectable()
export class PublishPeriodProducer {
  constructor(private readonly queues: ProducerQueues) {}

  /** Queues the publication; throws QueueUnavailableError promptly when Redis does not answer. */
  enqueue(data: PublishPeriodJobData): Promise<string> {
    return this.queues.promptly(async () => {
      const queue: Queue<PublishPeriodJobData> = this.queues.get(QueueName.Aggregate);
      const jobId = publishPeriodJobId(data);
      const existing = await queue.getJob(jobId);
      if (existing) {
        if (await existing.isFailed()) await existing.retry();
        return jobId;
      }
      await queue.add(JobName.PublishPeriod, data, { jobId });
      return jobId;
    });
  }
}
