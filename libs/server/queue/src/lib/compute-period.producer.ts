import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type ComputePeriodJobData, computePeriodJobId } from './compute-period.job';
import { JobName, QueueName } from './queue-names';

/** The only caller of `queue.add` for the aggregation queue. */
@Injectable()
export class ComputePeriodProducer {
  constructor(@InjectQueue(QueueName.Aggregate) private readonly queue: Queue<ComputePeriodJobData>) {}

  async enqueue(data: ComputePeriodJobData): Promise<string> {
    const jobId = computePeriodJobId(data);
    const existing = await this.queue.getJob(jobId);
    // Adding an id that exists is a no-op, so a run that failed for good is retried instead.
    if (existing && (await existing.isFailed())) await existing.retry();
    else if (!existing) await this.queue.add(JobName.ComputePeriod, data, { jobId });
    return jobId;
  }
}
