import { Injectable } from '@nestjs/common';
import type { JobAcceptedDto, PeriodDto } from '@scorecard/contracts';
import {
  AuditLogRepository,
  PeriodRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import { ComputePeriodProducer } from '@scorecard/server-queue';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';

@Injectable()
export class PeriodsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly periods: PeriodRepository,
    private readonly months: PeriodLookupService,
    private readonly audit: AuditLogRepository,
    private readonly producer: ComputePeriodProducer,
  ) {}

  async list(): Promise<PeriodDto[]> {
    const summaries = await this.periods.listSummaries();
    return summaries.map((summary) => ({
      period: summary.period,
      status: summary.status,
      dueDate: summary.dueDate,
      stale: summary.computedRevision === null || summary.computedRevision < summary.dataRevision,
      computedAt: summary.computedAt ? summary.computedAt.toISOString() : null,
      reportedCount: summary.reportedCount,
      expectedCount: summary.expectedCount,
      publishedVersion: summary.publishedVersion,
    }));
  }

  /**
   * Marks the whole month to be recomputed (not only the agencies saved since) and queues it; asking
   * again while that computation waits returns the same job.
   */
  async compute(caller: AuthenticatedUser, period: string): Promise<JobAcceptedDto> {
    const month = await this.months.existing(period);
    // Committed before Redis is asked: the relay queues it whenever Redis answers.
    const revision = await this.transactions.run(async (manager) => {
      await this.periods.markForRecompute(manager, period);
      return (await this.periods.find(period, manager))?.dataRevision ?? month.dataRevision;
    });
    const jobId = await this.producer.enqueue({ period, revision });
    await this.transactions.run((manager) =>
      this.audit.recordAction(
        manager,
        caller,
        'period.compute',
        `period/${period}`,
        { dataRevision: month.dataRevision, computedRevision: month.computedRevision },
        { jobId },
      ),
    );
    return { jobId };
  }
}
