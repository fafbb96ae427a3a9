import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type ComputePeriodJobData, computePeriodDeduplicationId, computePeriodJobId } from './compute-period.job';
import { ProducerQueues } from './producer-queues';
import { JobName, QueueName } from './queue-names';

/** The only caller of `queue.add` for the aggregation queue. */
@Injectable()
export class ComputePeriodProducer {
  constructor(private readonly queues: ProducerQueues) {}

  /**
   * Queues the month's computation at `data.revision` and answers the id of the job that will do
   * it (the one in flight when the request collapses onto it). Throws QueueUnavailableError
   * promptly when Redis does not answer. `retryFailed: false` leaves a run that failed for good
   * as it is (the relay must not retry a broken month forever).
   */
  enqueue(data: ComputePeriodJobData, options: { retryFailed?: boolean } = {}): Promise<string> {
    return this.queues.promptly(async () => {
      const queue: Queue<ComputePeriodJobData> = this.queues.get(QueueName.Aggregate);
      const jobId = computePeriodJobId(data);
      const existing = await queue.getJob(jobId);
      if (existing) {
        // Adding an id that exists is a no-op, so a run that failed for good is retried instead.
        if (options.retryFailed !== false && (await existing.isFailed())) await existing.retry();
        return jobId;
      }
      const job = await queue.add(JobName.ComputePeriod, data, {
        jobId,
        deduplication: { id: computePeriodDeduplicationId(data.period), keepLastIfActive: true },
      });
      return job.id ?? jobId;
    });
  }
}
