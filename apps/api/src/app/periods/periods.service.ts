import { Injectable } from '@nestjs/common';
import { mayReadMonthPart, provinceToRead } from '@scorecard/access';
import type { JobAcceptedDto, PeriodDto, PeriodPartDto } from '@scorecard/contracts';
import {
  AuditLogRepository,
  PeriodPartRepository,
  PeriodRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import { ComputePeriodProducer } from '@scorecard/server-queue';
import { AgencyDirectory } from '../common/agency-directory.service';
import { InvalidInputError, OutOfScopeError } from '../common/api.errors';
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
    private readonly periodParts: PeriodPartRepository,
    private readonly agencies: AgencyDirectory,
  ) {}

  /**
   * The months, newest first. In a national tree, `province` (or, for a province's users, their
   * own province) answers that province's part of each month: its status and its agencies' counts.
   */
  async list(caller: AuthenticatedUser, named?: string): Promise<PeriodDto[]> {
    const province = await this.provinceToRead(caller, named);
    const summaries = await this.periods.listSummaries(province ?? undefined);
    return summaries.map((summary) => ({
      ...(province === null ? {} : { province }),
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

  /** Each province's part of a national month with its counts; inside a province, its own only. */
  async parts(caller: AuthenticatedUser, period: string): Promise<PeriodPartDto[]> {
    await this.months.existing(period);
    if (!(await this.agencies.isNational())) return [];
    const tree = await this.agencies.tree();
    return (await this.periodParts.summaries(period))
      .filter((part) => mayReadMonthPart(caller, tree, part.province))
      .map((part) => ({
        ...part,
        lockedAt: part.lockedAt ? part.lockedAt.toISOString() : null,
        publishedAt: part.publishedAt ? part.publishedAt.toISOString() : null,
      }));
  }

  /** The province whose part `list` answers, or null for the months themselves. */
  private async provinceToRead(
    caller: AuthenticatedUser,
    named: string | undefined,
  ): Promise<string | null> {
    const notProvince = () =>
      new InvalidInputError([
        { field: 'province', key: 'field.notProvince', params: { province: named ?? '' } },
      ]);
    if (named !== undefined && !/^[0-9]{2}([0-9]{4})?$/.test(named)) throw notProvince();
    const target = provinceToRead(caller, await this.agencies.tree(), named);
    switch (target.kind) {
      // A province's own deployment: its single part is the month; the nation: the months themselves.
      case 'tree':
      case 'nation':
        return null;
      case 'province':
        return target.province;
      case 'denied':
        throw new OutOfScopeError('period.otherProvince', { province: target.province });
      case 'unknown':
        throw notProvince();
    }
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
