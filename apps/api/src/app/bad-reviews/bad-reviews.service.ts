import { Injectable } from '@nestjs/common';
import { agenciesReachable, hasPermission, type Permission } from '@scorecard/access';
import type { BadReviewDto, BadReviewPageDto } from '@scorecard/contracts';
import { dayOf, periodYear, workingCalendar, workingDaysLeft } from '@scorecard/scoring';
import {
  AuditLogRepository,
  type BadReviewRow,
  BadReviewRepository,
  TransactionRunner,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { ConflictError, NotFoundError, OutOfScopeError } from '../common/api.errors';
import type { MessageKey } from '../common/api-messages';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import type {
  AppealBadReviewDto,
  BadReviewListQuery,
  ResolveBadReviewDto,
  RuleBadReviewDto,
  VerifyBadReviewDto,
} from './bad-review.dto';

type Manager = Parameters<BadReviewRepository['findForUpdate']>[0];

/** One step of a case: who may take it, from which states, and how it is written. */
interface Step {
  permission: Permission;
  from: readonly BadReviewRow['status'][];
  refusal: MessageKey;
  action: string;
  write: (manager: Manager, version: number) => Promise<boolean>;
  after: (item: BadReviewRow) => Record<string, unknown>;
}

/**
 * Bad reviews (差评): the head of the agency verifies (核实) its cases and resolves them as
 * rectified or explained, or appeals one as mistaken or malicious; the province rules on the
 * appeal. Every transition is audited with before and after.
 */
@Injectable()
export class BadReviewsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly badReviews: BadReviewRepository,
    private readonly calendar: WorkingCalendarRepository,
    private readonly policy: AccessPolicy,
    private readonly agencies: AgencyDirectory,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The cases of the caller's scope (or of one agency in it), nearest deadline first, a page at a time. */
  async list(caller: AuthenticatedUser, query: BadReviewListQuery): Promise<BadReviewPageDto> {
    if (!hasPermission(caller, 'badReview.read')) throw OutOfScopeError.denied('badReview.read');
    let agencyCodes: string[];
    if (query.agencyCode) {
      await this.policy.assert(caller, 'badReview.read', query.agencyCode);
      agencyCodes = [query.agencyCode];
    } else {
      agencyCodes = agenciesReachable(await this.agencies.tree(), caller, 'badReview.read');
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { rows, total } = await this.badReviews.list({
      agencyCodes,
      period: query.period,
      status: query.status,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const counts = { open: 0, overdue: 0 };
    for (const count of (await this.badReviews.countsByAgency(agencyCodes)).values()) {
      counts.open += count.open;
      counts.overdue += count.overdue;
    }
    return { items: await this.present(rows), total, page, pageSize, counts };
  }

  verify(caller: AuthenticatedUser, id: string, body: VerifyBadReviewDto): Promise<BadReviewDto> {
    return this.step(caller, id, body.version, {
      permission: 'badReview.handle',
      from: ['open'],
      refusal: 'badReview.notOpen',
      action: 'badReview.verify',
      write: (manager, version) =>
        this.badReviews.verify(manager, id, { note: body.note, by: caller.username, version }),
      after: () => ({ status: 'verified', note: body.note }),
    });
  }

  resolve(caller: AuthenticatedUser, id: string, body: ResolveBadReviewDto): Promise<BadReviewDto> {
    return this.step(caller, id, body.version, {
      permission: 'badReview.handle',
      from: ['verified'],
      refusal: 'badReview.notVerified',
      action: 'badReview.resolve',
      write: (manager, version) =>
        this.badReviews.resolve(manager, id, {
          outcome: body.outcome,
          note: body.note,
          by: caller.username,
          version,
        }),
      after: () => ({ status: 'closed', outcome: body.outcome, note: body.note }),
    });
  }

  appeal(caller: AuthenticatedUser, id: string, body: AppealBadReviewDto): Promise<BadReviewDto> {
    return this.step(caller, id, body.version, {
      permission: 'badReview.handle',
      from: ['open', 'verified'],
      refusal: 'badReview.notAppealable',
      action: 'badReview.appeal',
      write: (manager, version) =>
        this.badReviews.appeal(manager, id, { reason: body.reason, by: caller.username, version }),
      after: () => ({ status: 'appealed', reason: body.reason }),
    });
  }

  rule(caller: AuthenticatedUser, id: string, body: RuleBadReviewDto): Promise<BadReviewDto> {
    return this.step(caller, id, body.version, {
      permission: 'badReview.rule',
      from: ['appealed'],
      refusal: 'badReview.notAppealed',
      action: body.void ? 'badReview.void' : 'badReview.dismiss_appeal',
      write: (manager, version) =>
        this.badReviews.rule(manager, id, {
          void: body.void,
          note: body.note,
          by: caller.username,
          version,
        }),
      after: (item) => ({
        status: body.void ? 'voided' : item.previousStatus,
        void: body.void,
        note: body.note,
      }),
    });
  }

  /** Checks scope, state and version, writes the step and audits it, in one transaction. */
  private async step(
    caller: AuthenticatedUser,
    id: string,
    version: number | undefined,
    step: Step,
  ): Promise<BadReviewDto> {
    const found = await this.badReviews.find(id);
    if (!found) throw new NotFoundError('badReview.notFound', { id });
    await this.policy.assert(caller, step.permission, found.agencyCode);
    await this.transactions.run(async (manager) => {
      const item = await this.badReviews.findForUpdate(manager, id);
      if (!item) throw new NotFoundError('badReview.notFound', { id });
      if (version !== undefined && version !== item.version)
        throw new ConflictError('badReview.stale', { version: item.version });
      if (!step.from.includes(item.status)) throw new ConflictError(step.refusal, { id });
      if (!(await step.write(manager, item.version)))
        throw new ConflictError('badReview.stale', { version: item.version });
      await this.audit.recordAction(
        manager,
        caller,
        step.action,
        `bad-review/${id}`,
        { status: item.status, version: item.version },
        { ...step.after(item), version: item.version + 1 },
      );
    });
    const [dto] = await this.present([(await this.badReviews.find(id)) as BadReviewRow]);
    return dto;
  }

  private async present(rows: BadReviewRow[]): Promise<BadReviewDto[]> {
    const today = dayOf(new Date());
    const days = [today, ...rows.map((row) => row.deadline)].sort();
    const calendar = workingCalendar(
      await this.calendar.findYears(periodYear(days[0]), periodYear(days[days.length - 1])),
    );
    const result: BadReviewDto[] = [];
    for (const row of rows) {
      result.push({
        id: row.id,
        period: row.period,
        agencyCode: row.agencyCode,
        agencyName: await this.agencies.nameOf(row.agencyCode),
        ratingId: row.ratingId,
        ratedAt: row.ratedAt.toISOString(),
        channel: row.channel,
        level: row.level,
        serviceItem: row.serviceItem,
        comment: row.comment,
        deadline: row.deadline,
        status: row.overdue ? 'overdue' : row.status,
        stage: row.status,
        outcome: row.outcome,
        voidedAs: row.voidedAs,
        workingDaysLeft: workingDaysLeft({ today, deadline: row.deadline, calendar }),
        verifyNote: row.verifyNote,
        resolveNote: row.resolveNote,
        appealReason: row.appealReason,
        rulingNote: row.rulingNote,
        version: row.version,
      });
    }
    return result;
  }
}
