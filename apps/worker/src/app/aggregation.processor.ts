import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { ComputeJobResult } from '@scorecard/contracts';
import { PeriodComputationService } from '@scorecard/server-months';
import { type ComputePeriodJobData, JobName, QueueName } from '@scorecard/server-queue';
import { type JobDispatcher, handlersForQueue } from './job-handlers';

/**
 * Computes a month's results. Errors are left to throw so BullMQ retries; the computation is one
 * idempotent transaction, so a retried or repeated run never double counts.
 */
@Processor(QueueName.Aggregate)
export class AggregationProcessor extends WorkerHost {
  private readonly logger = new Logger(AggregationProcessor.name);
  private readonly dispatch: JobDispatcher<Job<ComputePeriodJobData>>;

  constructor(private readonly computation: PeriodComputationService) {
    super();
    this.dispatch = handlersForQueue<Job<ComputePeriodJobData>>(QueueName.Aggregate, {
      [JobName.ComputePeriod]: (job) => this.computePeriod(job),
    });
  }

  async process(job: Job<ComputePeriodJobData>): Promise<unknown> {
    return this.dispatch(job.name, job);
  }

  private async computePeriod(
    job: Job<ComputePeriodJobData>,
  ): Promise<ComputeJobResult & { revision: number; skipped: boolean }> {
    const outcome = await this.computation.compute(job.data.period, {
      minimumRevision: job.data.revision,
      onProgress: (percent) => job.updateProgress(percent),
    });
    this.logger.log(
      outcome.skipped
        ? `${job.data.period}: revision ${job.data.revision} already computed`
        : `${job.data.period}: ${outcome.resultRows} results at revision ${outcome.revision}`,
    );
    return outcome;
  }
}
