import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CompletenessDto,
  CountyReviewDto,
  JobAcceptedDto,
  PeriodEventDto,
  ProgressCountsDto,
  ReviewState,
} from '@scorecard/contracts';
import {
  type AgencyProgress,
  AuditLogRepository,
  type CountyReviewRow,
  NotificationRepository,
  PeriodLifecycleRepository,
  SubmissionRepository,
  TransactionRunner,
  UserRepository,
} from '@scorecard/server-database';
import { ComputePeriodProducer, PublishPeriodProducer } from '@scorecard/server-queue';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { PeriodLookupService } from '../common/period-lookup.service';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  PeriodNotOpenError,
} from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';

/**
 * The month's life: open → locked → published, reopened with a reason and republished as a new
 * version; and the city review (approve, return, waive) that decides when it may lock.
 * Every step is one transaction on the month's locked row, with its audit entry.
 */
@Injectable()
export class PeriodLifecycleService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly months: PeriodLookupService,
    private readonly lifecycle: PeriodLifecycleRepository,
    private readonly submissions: SubmissionRepository,
    private readonly compute: ComputePeriodProducer,
    private readonly publisher: PublishPeriodProducer,
    private readonly audit: AuditLogRepository,
    private readonly agencies: AgencyDirectory,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
    private readonly policy: AccessPolicy,
  ) {}

  async lock(
    caller: AuthenticatedUser,
    period: string,
    options: { force?: boolean; reason?: string },
  ) {
    if (options.force && !options.reason?.trim()) {
      throw new InvalidInputError([{ field: 'reason', key: 'field.forcedLockReason' }]);
    }
    const locked = await this.transactions.run(async (manager) => {
      const month = await this.openMonth(manager, period, 'open');
      const pending = (await this.lifecycle.progress(period, manager)).filter(
        (agency) => !agency.waived && agency.status !== 'approved',
      );
      if (pending.length > 0 && !options.force) {
        // Named as people know them (杭州市上城区), not by division code.
        const named = pending.slice(0, 10).map((agency) => agency.name);
        // The cities whose counties wait, so the province knows whom to call.
        const cities = (await this.lifecycle.countyReviewByCity(period, manager))
          .filter((city) => city.reviewed < city.counties)
          .map((city) => `${city.name}（${city.counties - city.reviewed}）`);
        throw new ConflictError(cities.length > 0 ? 'period.pendingCounties' : 'period.pending', {
          count: pending.length,
          agencies: `${named.join('、')}${pending.length > 10 ? '…' : ''}`,
          cities: cities.join('、'),
        });
      }
      await this.lifecycle.markLocked(manager, period);
      const action = pending.length > 0 ? 'force_lock' : 'lock';
      await this.lifecycle.recordEvent(manager, {
        period,
        action,
        reason: options.reason ?? null,
        actor: caller.username,
      });
      await this.audit.recordAction(
        manager,
        caller,
        `period.${action}`,
        `period/${period}`,
        { status: month.status },
        {
          status: 'locked',
          ...(action === 'force_lock' ? { reason: options.reason, pending: pending.length } : {}),
        },
      );
      return { period, status: 'locked' as const, dataRevision: month.dataRevision };
    });
    // Locked, the month is computed on its final figures. Should Redis not answer, the relay
    // queues it whenever it does (a month not yet computed at its revision is due).
    const jobId = await this.compute
      .enqueue({ period, revision: locked.dataRevision })
      .catch(() => null);
    return { period, status: locked.status, jobId };
  }

  /**
   * Queues the month's publication (its final computation and the frozen version): heavy work
   * runs as a job. Asking twice for the same version answers the same job.
   */
  async publish(caller: AuthenticatedUser, period: string): Promise<JobAcceptedDto> {
    const month = await this.months.existing(period);
    if (month.status !== 'locked')
      throw new ConflictError('period.lockBeforePublish', {
        period,
        status: { key: `status.${month.status}` },
      });
    const jobId = await this.publisher.enqueue({
      period,
      version: month.publishedVersion + 1,
      actor: { username: caller.username, role: caller.role, agencyCode: caller.agencyCode, requestId: caller.requestId },
    });
    return { jobId };
  }

  async reopen(caller: AuthenticatedUser, period: string, reason: string) {
    return this.transactions.run((manager) => this.reopenWithin(manager, caller, period, reason));
  }

  /**
   * Reopens a published month inside the caller's transaction; an upheld appeal (异议) passes its
   * id, which the month's history then links to.
   */
  async reopenWithin(
    manager: EntityManager,
    caller: AuthenticatedUser,
    period: string,
    reason: string,
    appealId: string | null = null,
  ) {
    const month = await this.openMonth(manager, period, 'published');
    await this.lifecycle.markReopened(manager, period);
    await this.lifecycle.recordEvent(manager, {
      period,
      action: 'reopen',
      version: month.publishedVersion,
      reason,
      actor: caller.username,
      appealId,
    });
    await this.audit.recordAction(
      manager,
      caller,
      'period.reopen',
      `period/${period}`,
      { status: 'published' },
      { status: 'open', reason, ...(appealId === null ? {} : { appealId }) },
    );
    return { period, status: 'open' as const };
  }

  async review(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
    decision: { approve: true } | { approve: false; reason: string },
  ): Promise<{ status: 'approved' | 'returned' }> {
    return this.transactions.run(async (manager) => {
      const month = await this.months.lock(manager, period);
      if (month.status !== 'open') throw new PeriodNotOpenError(period, month.status);
      const submission = await this.submissions.findRow(manager, period, agencyCode);
      // A draft (imported records the agency has not submitted) is not there to review yet.
      if (!submission || submission.status === 'draft')
        throw new NotFoundError('submission.nothingToReview', { agencyCode, period });
      const before = { status: submission.status, returnReason: submission.returnReason };
      submission.status = decision.approve ? 'approved' : 'returned';
      submission.returnReason = decision.approve ? null : decision.reason;
      submission.reviewedBy = caller.username;
      submission.reviewedAt = new Date();
      await this.submissions.saveRow(manager, submission);
      await this.audit.recordAction(
        manager,
        caller,
        decision.approve ? 'submission.approve' : 'submission.return',
        `submission/${period}/${agencyCode}`,
        before,
        { status: submission.status, returnReason: submission.returnReason },
      );
      if (!decision.approve) {
        // The head corrects and sends the figures again; the message says why they came back.
        await this.notifications.notify(manager, {
          recipients: await this.users.activeOfAgency(manager, agencyCode, ['agency_head']),
          kind: 'submission.returned',
          params: {
            period,
            agencyCode,
            agencyName: await this.agencies.nameOf(agencyCode),
            reason: decision.reason,
            by: caller.username,
          },
        });
      }
      return { status: submission.status as 'approved' | 'returned' };
    });
  }

  async waive(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
    reason: string,
  ): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.openMonth(manager, period, 'open');
      await this.lifecycle.waive(manager, period, agencyCode, reason, caller.username);
      await this.audit.recordAction(
        manager,
        caller,
        'submission.waive',
        `submission/${period}/${agencyCode}`,
        null,
        { waived: true, reason },
      );
    });
  }

  /** Completeness (reported / expected) and timeliness (on time / expected), per city and province. */
  async completeness(period: string): Promise<CompletenessDto> {
    const month = await this.months.existing(period);
    const progress = await this.lifecycle.progress(period);
    const cities = (await this.agencies.all()).filter((agency) => agency.level === 'city');
    const cityOf = (agency: AgencyProgress) =>
      agency.level === 'city'
        ? agency.agencyCode
        : agency.level === 'county'
          ? agency.parentCode
          : null;
    return {
      period,
      status: month.status,
      dueDate: month.dueDate,
      province: countProgress(progress),
      cities: cities.map((city) => ({
        code: city.code,
        name: city.name,
        ...countProgress(progress.filter((agency) => cityOf(agency) === city.code)),
      })),
      byCity: await this.lifecycle.countyReviewByCity(period),
      missing: progress
        .filter((agency) => !agency.submitted && !agency.waived)
        .map((agency) => ({
          code: agency.agencyCode,
          name: agency.name,
          parentCode: agency.parentCode,
          remindedAt: agency.remindedAt ? agency.remindedAt.toISOString() : null,
        })),
    };
  }

  /** A city's counties and their review states; 403 unless the caller reviews every one of them. */
  async countyReviews(caller: AuthenticatedUser, period: string, cityCode: string): Promise<CountyReviewDto[]> {
    await this.months.existing(period);
    const city = await this.agencies.find(cityCode);
    if (!city) throw new NotFoundError('agency.notFound', { code: cityCode });
    const rows = await this.lifecycle.countyReviews(period, cityCode);
    for (const row of rows) await this.policy.assert(caller, 'submission.review', row.agencyCode);
    return rows.map((row) => ({
      agencyCode: row.agencyCode,
      name: row.name,
      state: reviewState(row),
      reason: row.waived || row.status === 'returned' ? row.reason : null,
      by: row.waived || row.status === 'approved' || row.status === 'returned' ? row.by : null,
      at: row.at && (row.waived || row.status === 'approved' || row.status === 'returned') ? row.at.toISOString() : null,
    }));
  }

  async history(period: string): Promise<PeriodEventDto[]> {
    await this.months.existing(period);
    return (await this.lifecycle.events(period)).map((event) => ({
      ...event,
      at: event.at.toISOString(),
    }));
  }

  private async openMonth(
    manager: EntityManager,
    period: string,
    expected: 'open' | 'locked' | 'published',
  ) {
    const month = await this.months.lock(manager, period);
    if (month.status !== expected) {
      throw new ConflictError('period.wrongState', {
        period,
        status: { key: `status.${month.status}` },
        expected: { key: `status.${expected}` },
      });
    }
    return month;
  }
}

function countProgress(agencies: AgencyProgress[]): ProgressCountsDto {
  const expected = agencies.length;
  const reported = agencies.filter((agency) => agency.submitted).length;
  const onTime = agencies.filter((agency) => agency.submitted && !agency.late).length;
  return {
    expected,
    reported,
    onTime,
    approved: agencies.filter((agency) => agency.status === 'approved').length,
    waived: agencies.filter((agency) => agency.waived).length,
    completeness: expected === 0 ? null : reported / expected,
    timeliness: expected === 0 ? null : onTime / expected,
  };
}

/** A waiver settles the month whatever was submitted; a draft (imported records only) is not reported. */
function reviewState(row: CountyReviewRow): ReviewState {
  if (row.waived) return 'waived';
  switch (row.status) {
    case null:
    case 'draft':
      return 'not_reported';
    case 'approved':
    case 'returned':
      return row.status;
    default:
      return 'pending';
  }
}
