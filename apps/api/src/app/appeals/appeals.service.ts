import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppealDto, AppealWindowDto } from '@scorecard/contracts';
import { dayOf } from '@scorecard/scoring';
import {
  type AppealRow,
  AppealRepository,
  AuditLogRepository,
  type PeriodEntity,
  TransactionRunner,
} from '@scorecard/server-database';
import { AppealWindowService } from '@scorecard/server-months';
import { AccessPolicy } from '../access/access-policy';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';
import { type FollowUpKind, FollowUpSteps } from '../follow-ups/follow-up-steps.service';
import { PeriodLifecycleService } from '../lifecycle/period-lifecycle.service';
import type { CreateAppealDto, ResolveAppealDto } from './appeal.dto';

/**
 * Appeals (异议): the head of an agency appeals its published result within the window; the
 * province upholds it (the month is reopened with the appeal as its reason, in the same
 * transaction) or dismisses it with a note. Every transition is audited; the head is told the
 * ruling.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly appeals: AppealRepository,
    private readonly appealWindow: AppealWindowService,
    private readonly periods: PeriodLookupService,
    private readonly lifecycle: PeriodLifecycleService,
    private readonly policy: AccessPolicy,
    private readonly steps: FollowUpSteps,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The appeals of the caller's scope, newest first. */
  async list(caller: AuthenticatedUser, period: string | undefined): Promise<AppealDto[]> {
    const agencyCodes = await this.steps.listScope(caller, 'appeal.read', undefined);
    const rows = await this.appeals.list({ agencyCodes, period });
    const result: AppealDto[] = [];
    for (const row of rows) result.push(await this.present(row));
    return result;
  }

  /**
   * Whether the caller's agency may still appeal its result of `period`, and until which day (in a
   * national tree, its province's part decides).
   */
  async window(caller: AuthenticatedUser, period: string): Promise<AppealWindowDto> {
    const month = await this.periods.existing(period);
    return this.transactions.run(async (manager) => {
      const deadline = await this.deadlineOf(manager, month, caller.agencyCode);
      return {
        period,
        published: deadline !== null,
        deadline,
        open: deadline !== null && dayOf(new Date()) <= deadline,
      };
    });
  }

  async create(caller: AuthenticatedUser, body: CreateAppealDto): Promise<{ id: string }> {
    await this.policy.assert(caller, 'appeal.raise', body.agencyCode);
    const indicatorCode = body.indicatorCode ?? null;
    await this.steps.assertIndicatorOf(body.period, indicatorCode);
    return this.transactions.run(async (manager) => {
      // The month's row is held: a reopening, a republication or a second appeal waits for this one.
      const month = await this.periods.lock(manager, body.period);
      const deadline = await this.deadlineOf(manager, month, body.agencyCode);
      if (deadline === null)
        throw new ConflictError('appeal.monthNotPublished', { period: body.period });
      if (dayOf(new Date()) > deadline)
        throw new ConflictError('appeal.late', { period: body.period, deadline });
      if (await this.appeals.hasOpen(manager, body.period, body.agencyCode))
        throw new ConflictError('appeal.alreadyOpen', {
          period: body.period,
          agencyCode: body.agencyCode,
        });
      const id = await this.appeals.insert(manager, {
        period: body.period,
        agencyCode: body.agencyCode,
        indicatorCode,
        reason: body.reason,
        deadline,
        createdBy: caller.username,
      });
      await this.audit.recordAction(manager, caller, 'appeal.raise', `appeal/${id}`, null, {
        period: body.period,
        agencyCode: body.agencyCode,
        indicatorCode,
        reason: body.reason,
        deadline,
        status: 'open',
      });
      return { id };
    });
  }

  /** The province's ruling: upheld reopens the month with the appeal as its reason; dismissed closes it. */
  async resolve(caller: AuthenticatedUser, id: string, body: ResolveAppealDto): Promise<AppealDto> {
    await this.steps.take(caller, this.kind, id, {
      permission: 'appeal.resolve',
      check: () => {
        if (!body.upheld && body.note.length === 0)
          throw new InvalidInputError([{ field: 'note', key: 'field.dismissNote' }]);
      },
      from: ['open'],
      refusal: 'appeal.notOpen',
      action: body.upheld ? 'appeal.uphold' : 'appeal.dismiss',
      write: (manager) =>
        this.appeals.resolve(manager, id, {
          upheld: body.upheld,
          note: body.note,
          by: caller.username,
        }),
      after: () => ({ status: body.upheld ? 'upheld' : 'dismissed', note: body.note }),
      also: async (manager, appeal) => {
        if (body.upheld)
          await this.lifecycle.reopenWithin(
            manager,
            caller,
            appeal.period,
            `异议 #${id}（${await this.steps.nameOf(appeal.agencyCode)}）：${appeal.reason}`,
            id,
            // In a national tree, the appealing agency's province part is reopened.
            await this.lifecycle.provinceOf(appeal.agencyCode),
          );
      },
      notify: async (appeal) => ({
        kind: body.upheld ? 'appeal.upheld' : 'appeal.dismissed',
        params: {
          period: appeal.period,
          agencyCode: appeal.agencyCode,
          agencyName: await this.steps.nameOf(appeal.agencyCode),
          reason: body.note,
          by: caller.username,
        },
      }),
    });
    const resolved = await this.appeals.find(id);
    if (!resolved) throw new NotFoundError('appeal.notFound', { id });
    return this.present(resolved);
  }

  private readonly kind: FollowUpKind<AppealRow> = {
    target: 'appeal',
    find: (id) => this.appeals.find(id),
    findForUpdate: (manager, id) => this.appeals.findForUpdate(manager, id),
    notFound: 'appeal.notFound',
  };

  /**
   * The last day an agency may appeal its result of the month: counted from the publication of
   * the agency's part of it (its province's in a national tree, the month's elsewhere); null while
   * that part is not published.
   */
  private async deadlineOf(
    manager: EntityManager,
    month: PeriodEntity,
    agencyCode: string,
  ): Promise<string | null> {
    const part = await this.periods.partFor(manager, month, agencyCode);
    if (part.status !== 'published' || part.publishedAt === null) return null;
    return this.appealWindow.deadlineOf(manager, month.period, dayOf(part.publishedAt));
  }

  private async present(row: AppealRow): Promise<AppealDto> {
    return {
      id: row.id,
      period: row.period,
      agencyCode: row.agencyCode,
      agencyName: await this.steps.nameOf(row.agencyCode),
      indicatorCode: row.indicatorCode,
      reason: row.reason,
      deadline: row.deadline,
      status: row.status,
      resolution:
        row.status !== 'open' && row.resolvedBy !== null && row.resolvedAt !== null
          ? {
              upheld: row.status === 'upheld',
              note: row.resolutionNote ?? '',
              by: row.resolvedBy,
              at: row.resolvedAt.toISOString(),
            }
          : null,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
