import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CompletenessDto,
  CountyReviewDto,
  JobAcceptedDto,
  PeriodEventDto,
  PeriodStatus,
  ProgressCountsDto,
  ReviewState,
} from '@scorecard/contracts';
import {
  type AgencyProgress,
  AuditLogRepository,
  type CountyReviewRow,
  NotificationRepository,
  type PeriodEntity,
  PeriodLifecycleRepository,
  PeriodPartRepository,
  SubmissionRepository,
  TransactionRunner,
  UserRepository,
} from '@scorecard/server-database';
import { monthPartTarget, provinceInNation } from '@scorecard/access';
import { ComputePeriodProducer, PublishPeriodProducer } from '@scorecard/server-queue';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { PeriodLookupService } from '../common/period-lookup.service';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  OutOfScopeError,
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
    private readonly parts: PeriodPartRepository,
  ) {}

  async lock(
    caller: AuthenticatedUser,
    period: string,
    options: { force?: boolean; reason?: string; province?: string },
  ) {
    if (options.force && !options.reason?.trim()) {
      throw new InvalidInputError([{ field: 'reason', key: 'field.forcedLockReason' }]);
    }
    const province = await this.partOf(caller, options.province, { nationAllowed: false });
    const locked = await this.transactions.run(async (manager) => {
      const month = await this.months.lock(manager, period);
      const status = await this.partStatus(manager, month, province);
      if (status !== 'open') throw wrongState(period, status, 'open');
      const inPart = await this.inPart(province);
      const pending = (await this.lifecycle.progress(period, manager)).filter(
        (agency) => inPart(agency.agencyCode) && !agency.waived && agency.status !== 'approved',
      );
      if (pending.length > 0 && !options.force) {
        // Named as people know them (杭州市上城区), not by division code.
        const named = pending.slice(0, 10).map((agency) => agency.name);
        // The cities whose counties wait, so the province knows whom to call.
        const cities = (await this.lifecycle.countyReviewByCity(period, manager))
          .filter((city) => inPart(city.code) && city.reviewed < city.counties)
          .map((city) => `${city.name}（${city.counties - city.reviewed}）`);
        throw new ConflictError(cities.length > 0 ? 'period.pendingCounties' : 'period.pending', {
          count: pending.length,
          agencies: `${named.join('、')}${pending.length > 10 ? '…' : ''}`,
          cities: cities.join('、'),
        });
      }
      if (province === null) await this.lifecycle.markLocked(manager, period);
      else {
        await this.parts.markLocked(manager, period, province);
        // Every part locked, the national month is locked too.
        await this.parts.settleLocked(manager, period);
      }
      const action = pending.length > 0 ? 'force_lock' : 'lock';
      await this.lifecycle.recordEvent(manager, {
        period,
        action,
        reason: options.reason ?? null,
        actor: caller.username,
        province,
      });
      await this.audit.recordAction(
        manager,
        caller,
        `period.${action}`,
        target(period, province),
        { status },
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
    return { period, status: locked.status, jobId, ...(province === null ? {} : { province }) };
  }

  /**
   * Queues the month's publication (its final computation and the frozen version): heavy work
   * runs as a job. Asking twice for the same version answers the same job. In a national tree
   * this publishes the caller's (or the named) province's part; the national admin naming no
   * province forces the national month, with a reason.
   */
  async publish(
    caller: AuthenticatedUser,
    period: string,
    options: { province?: string; force?: boolean; reason?: string } = {},
  ): Promise<JobAcceptedDto> {
    const province = await this.partOf(caller, options.province, { nationAllowed: true });
    const month = await this.months.existing(period);
    const actor = { username: caller.username, role: caller.role, agencyCode: caller.agencyCode, requestId: caller.requestId };
    if (province === NATION) {
      const reason = options.reason?.trim();
      if (!options.force || !reason) throw new InvalidInputError([{ field: 'reason', key: 'field.forcedPublishReason' }]);
      if (month.status === 'published') throw wrongState(period, month.status, 'locked');
      return { jobId: await this.publisher.enqueue({ period, version: month.publishedVersion + 1, actor, forceReason: reason }) };
    }
    const status = await this.transactions.run((manager) => this.partStatus(manager, month, province));
    if (status !== 'locked')
      throw new ConflictError('period.lockBeforePublish', {
        period,
        status: { key: `status.${status}` },
      });
    const jobId = await this.publisher.enqueue({
      period,
      version: month.publishedVersion + 1,
      actor,
      ...(province === null ? {} : { province }),
    });
    return { jobId };
  }

  async reopen(caller: AuthenticatedUser, period: string, reason: string, province?: string) {
    return this.transactions.run((manager) => this.reopenWithin(manager, caller, period, reason, null, province));
  }

  /**
   * Reopens a published month (in a national tree: the caller's, or the named, province's part)
   * inside the caller's transaction; an upheld appeal (异议) passes its id, which the month's
   * history then links to.
   */
  async reopenWithin(
    manager: EntityManager,
    caller: AuthenticatedUser,
    period: string,
    reason: string,
    appealId: string | null = null,
    named?: string,
  ) {
    const province = await this.partOf(caller, named, { nationAllowed: false });
    const month = await this.months.lock(manager, period);
    const status = await this.partStatus(manager, month, province);
    if (status !== 'published') throw wrongState(period, status, 'published');
    let version = month.publishedVersion;
    if (province === null) await this.lifecycle.markReopened(manager, period);
    else {
      version = (await this.parts.find(period, province, manager))?.publishedVersion ?? version;
      await this.parts.markReopened(manager, period, province);
      // A part being corrected: the national month is no longer complete.
      if (month.status !== 'open') await this.lifecycle.markReopened(manager, period);
    }
    await this.lifecycle.recordEvent(manager, {
      period,
      action: 'reopen',
      version,
      reason,
      actor: caller.username,
      appealId,
      province,
    });
    await this.audit.recordAction(
      manager,
      caller,
      'period.reopen',
      target(period, province),
      { status: 'published' },
      { status: 'open', reason, ...(appealId === null ? {} : { appealId }) },
    );
    return { period, status: 'open' as const, ...(province === null ? {} : { province }) };
  }

  async review(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
    decision: { approve: true } | { approve: false; reason: string },
  ): Promise<{ status: 'approved' | 'returned' }> {
    return this.transactions.run(async (manager) => {
      const month = await this.months.lock(manager, period);
      const status = await this.months.statusFor(manager, month, agencyCode);
      if (status !== 'open') throw new PeriodNotOpenError(period, status);
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
      const month = await this.months.lock(manager, period);
      const status = await this.months.statusFor(manager, month, agencyCode);
      if (status !== 'open') throw wrongState(period, status, 'open');
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
  async completeness(caller: AuthenticatedUser, period: string): Promise<CompletenessDto> {
    // In a national tree, a province's users see their own part: its status and its agencies.
    const month = await this.months.seenBy(period, caller);
    const inPart = await this.inPart(await this.callersProvince(caller));
    const progress = (await this.lifecycle.progress(period)).filter((agency) => inPart(agency.agencyCode));
    const cities = (await this.agencies.all()).filter((agency) => agency.level === 'city' && inPart(agency.code));
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
      byCity: (await this.lifecycle.countyReviewByCity(period)).filter((city) => inPart(city.code)),
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

  async history(caller: AuthenticatedUser, period: string): Promise<PeriodEventDto[]> {
    await this.months.existing(period);
    // Inside a province of a national tree: the month's own steps and the province's part's.
    const province = await this.callersProvince(caller);
    const events = (await this.lifecycle.events(period)).filter(
      (event) => province === null || event.province === null || event.province === province,
    );
    return events.map((event) => ({
      ...event,
      at: event.at.toISOString(),
    }));
  }

  /**
   * The part of the month the caller acts on (`@scorecard/access` decides): null for the whole
   * month (a province's own deployment), a province's code, or NATION for the national month.
   */
  private async partOf(
    caller: AuthenticatedUser,
    named: string | undefined,
    options: { nationAllowed: boolean },
  ): Promise<string | null> {
    const decided = monthPartTarget(caller, await this.agencies.tree(), named);
    switch (decided.kind) {
      case 'month':
        return null;
      case 'part':
        return decided.province;
      case 'nation':
        if (!options.nationAllowed) throw new InvalidInputError([{ field: 'province', key: 'field.provinceRequired' }]);
        return NATION;
      case 'denied':
        throw new OutOfScopeError('period.otherProvince', { province: named ?? '' });
      case 'unknown':
        throw new InvalidInputError([{ field: 'province', key: 'field.notProvince', params: { province: named ?? '' } }]);
    }
  }

  /** The status of the part acted on (materialising the provinces' parts on first use). */
  private async partStatus(manager: EntityManager, month: PeriodEntity, province: string | null): Promise<PeriodStatus> {
    if (province === null || province === NATION) return month.status;
    await this.parts.materialize(manager, month.period);
    return (await this.parts.find(month.period, province, manager))?.status ?? month.status;
  }

  /** The province whose part of a month an agency's figures belong to (national trees), else undefined. */
  async provinceOf(agencyCode: string): Promise<string | undefined> {
    if (!(await this.agencies.isNational())) return undefined;
    return provinceInNation(await this.agencies.tree(), agencyCode) ?? undefined;
  }

  /** The province a caller of a national tree sits in; null for the nation's users and elsewhere. */
  private async callersProvince(caller: AuthenticatedUser): Promise<string | null> {
    if (!(await this.agencies.isNational())) return null;
    return provinceInNation(await this.agencies.tree(), caller.agencyCode);
  }

  /** Whether an agency belongs to the part acted on. */
  private async inPart(province: string | null): Promise<(code: string) => boolean> {
    if (province === null) return () => true;
    const provinces = await this.agencies.provinces();
    return (code) => provinces.get(code) === province;
  }
}

/** The national month itself, as the national admin names it (no province). */
const NATION = 'nation';

function target(period: string, province: string | null): string {
  return province === null ? `period/${period}` : `period/${period}/${province}`;
}

function wrongState(period: string, status: PeriodStatus, expected: PeriodStatus): ConflictError {
  return new ConflictError('period.wrongState', {
    period,
    status: { key: `status.${status}` },
    expected: { key: `status.${expected}` },
  });
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
