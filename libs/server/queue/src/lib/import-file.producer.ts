import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type ImportFileJobData, importFileJobId } from './import-file.job';
import { ProducerQueues } from './producer-queues';
import { JobName, QueueName } from './queue-names';

/** The only caller of `queue.add` for imports. */
@Injectable()
export class ImportFileProducer {
  constructor(private readonly queues: ProducerQueues) {}

  /** Idempotent: the job id is the import's. Throws QueueUnavailableError promptly without Redis. */
  enqueue(data: ImportFileJobData): Promise<string> {
    return this.queues.promptly(async () => {
      const queue: Queue<ImportFileJobData> = this.queues.get(QueueName.Import);
      const jobId = importFileJobId(data.importId);
      await queue.add(JobName.ImportFile, data, { jobId });
      return jobId;
    });
  }

  /**
   * The import's job as Redis has it: absent, still to finish, finished (`done`), or failed for
   * good (with why).
   */
  async stateOf(importId: string): Promise<{ state: 'absent' | 'pending' | 'done' | 'failed'; reason: string | null }> {
    return this.queues.promptly(async () => {
      const job = await this.queues.get(QueueName.Import).getJob(importFileJobId(importId));
      if (!job) return { state: 'absent' as const, reason: null };
      const state = await job.getState();
      if (state === 'failed') return { state: 'failed' as const, reason: job.failedReason ?? null };
      return { state: state === 'completed' ? ('done' as const) : ('pending' as const), reason: null };
    });
  }

  /** Whether a worker is reading the import's file right now. */
  isActive(importId: string): Promise<boolean> {
    return this.queues.promptly(async () => {
      const job = await this.queues.get(QueueName.Import).getJob(importFileJobId(importId));
      return job ? job.isActive() : false;
    });
  }

  /**
   * Removes the import's finished job, so that the same job id can run the file again (once its
   * uploader confirmed it). No-op when there is none.
   */
  remove(importId: string): Promise<void> {
    return this.queues.promptly(async () => {
      await this.queues.get(QueueName.Import).remove(importFileJobId(importId));
    });
  }
}
