import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { JobDto, JobState } from '@scorecard/contracts';
import { ProducerQueues } from './producer-queues';
import { QueueName } from './queue-names';

/**
 * Reads a job's state from whichever queue holds it. Only Redis knows it, so without Redis this
 * throws QueueUnavailableError promptly rather than waiting.
 */
@Injectable()
export class JobStatusService {
  private readonly queues: Queue[];

  constructor(private readonly producerQueues: ProducerQueues) {
    this.queues = [QueueName.Aggregate, QueueName.Import].map((name) => producerQueues.get(name));
  }

  async find(id: string): Promise<JobDto | null> {
    return (await this.findWithPayload(id))?.status ?? null;
  }

  /** The job's state and what it was queued with, so that a caller can tell whose job it is. */
  findWithPayload(id: string): Promise<{ status: JobDto; data: unknown } | null> {
    return this.producerQueues.promptly(async () => {
      for (const queue of this.queues) {
        // The state first, then the job: a job read before it completes and its state read after
        // would say `completed` with no result yet. Completing stores the result and the state at once.
        const raw = await queue.getJobState(id);
        if (raw === 'unknown') continue;
        const job: Job | undefined = await queue.getJob(id);
        if (job) return { status: this.toDto(job, raw), data: job.data as unknown };
      }
      return null;
    });
  }

  private toDto(job: Job, raw: string): JobDto {
    const state: JobState =
      raw === 'completed' || raw === 'failed' || raw === 'active' ? raw : 'waiting';
    const progress = typeof job.progress === 'number' ? job.progress : state === 'completed' ? 100 : 0;
    return {
      id: job.id ?? '',
      name: job.name,
      state,
      progress: state === 'completed' ? 100 : progress,
      result: (job.returnvalue as unknown) ?? null,
      failedReason: state === 'failed' ? (job.failedReason ?? null) : null,
    };
  }
}
