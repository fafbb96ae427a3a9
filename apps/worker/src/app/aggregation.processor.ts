import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import type { ComputeJobResult } from '@scorecard/contracts';
import {
  PeriodComputationService,
  PeriodNotLockedError,
  type PeriodPublication,
  PeriodPublicationService,
} from '@scorecard/server-months';
import {
  type ComputePeriodJobData,
  JobName,
  type PublishPeriodJobData,
  QueueName,
} from '@scorecard/server-queue';
import { type JobDispatcher, handlersForQueue } from './job-handlers';

/**
 * Computes a month's results, and publishes a locked month. Errors are left to throw so BullMQ
 * retries; each step is one idempotent transaction, so a retried or repeated run never double
 * counts nor publishes a version twice.
 */
// A month's computation takes about a second: a worker killed in one is noticed within seconds,
// and its job handed to another (the month's marks stay until a computation commits).
@Processor(QueueName.Aggregate, { lockDuration: 15_000, stalledInterval: 5_000 })
export class AggregationProcessor extends WorkerHost {
  private readonly logger = new Logger(AggregationProcessor.name);
  private readonly dispatch: JobDispatcher<Job>;

  constructor(
    private readonly computation: PeriodComputationService,
    private readonly publication: PeriodPublicationService,
  ) {
    super();
    this.dispatch = handlersForQueue<Job>(QueueName.Aggregate, {
      [JobName.ComputePeriod]: (job) => this.computePeriod(job as Job<ComputePeriodJobData>),
      [JobName.PublishPeriod]: (job) => this.publishPeriod(job as Job<PublishPeriodJobData>),
    });
  }

  async process(job: Job): Promise<unknown> {
    return this.dispatch(job.name, job);
  }

  private async computePeriod(
    job: Job<ComputePeriodJobData>,
  ): Promise<ComputeJobResult & { revision: number; skipped: boolean }> {
    const outcome = await this.computation.compute(job.data.period, {
      minimumRevision: job.data.revision,
      incremental: true,
      onProgress: (percent) => job.updateProgress(percent),
    });
    this.logger.log(
      outcome.skipped
        ? `${job.data.period}: revision ${job.data.revision} already computed`
        : `${job.data.period}: ${outcome.writtenRows} of ${outcome.resultRows} results written (${outcome.mode}) at revision ${outcome.revision}`,
    );
    return outcome;
  }

  private async publishPeriod(job: Job<PublishPeriodJobData>): Promise<PeriodPublication> {
    const outcome = await this.publication
      .publish({
        period: job.data.period,
        version: job.data.version,
        actor: job.data.actor,
        province: job.data.province ?? null,
        forceReason: job.data.forceReason ?? null,
        onProgress: (percent) => job.updateProgress(percent),
      })
      .catch((error: unknown) => {
        // Reopened meanwhile: trying again cannot help.
        throw error instanceof PeriodNotLockedError ? new UnrecoverableError(error.message) : error;
      });
    this.logger.log(`${outcome.period}: published version ${outcome.version}${outcome.skipped ? ' (already)' : ''}`);
    return outcome;
  }
}
