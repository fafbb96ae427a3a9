import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { agenciesReachable, hasPermission } from '@scorecard/access';
import type { AppealDto, AppealWindowDto } from '@scorecard/contracts';
import { dayOf, periodYear } from '@scorecard/scoring';
import {
  type AppealRow,
  AppealRepository,
  AuditLogRepository,
  NotificationRepository,
  type PeriodEntity,
  SchemeRepository,
  TransactionRunner,
  UserRepository,
} from '@scorecard/server-database';
import { AppealWindowService } from '@scorecard/server-months';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  OutOfScopeError,
} from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';
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
    private readonly schemes: SchemeRepository,
    private readonly periods: PeriodLookupService,
    private readonly lifecycle: PeriodLifecycleService,
    private readonly policy: AccessPolicy,
    private readonly agencies: AgencyDirectory,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The appeals of the caller's scope, newest first. */
  async list(caller: AuthenticatedUser, period: string | undefined): Promise<AppealDto[]> {
    if (!hasPermission(caller, 'appeal.read')) throw OutOfScopeError.denied('appeal.read');
    const agencyCodes = agenciesReachable(await this.agencies.tree(), caller, 'appeal.read');
    const rows = await this.appeals.list({ agencyCodes, period });
    const result: AppealDto[] = [];
    for (const row of rows) result.push(await this.present(row));
    return result;
  }

  /** Whether a result of `period` may still be appealed, and until which day. */
  async window(period: string): Promise<AppealWindowDto> {
    const month = await this.periods.existing(period);
    return this.transactions.run(async (manager) => {
      const deadline = await this.deadlineOf(manager, month);
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
    if (indicatorCode !== null) {
      const scheme = await this.schemes.findForYear(periodYear(body.period));
      const known = (scheme?.indicators ?? []).map((indicator) => indicator.code);
      if (!known.includes(indicatorCode))
        throw new InvalidInputError([
          {
            field: 'indicatorCode',
            key: 'field.unknownIndicator',
            params: { known: known.join(', ') },
          },
        ]);
    }
    return this.transactions.run(async (manager) => {
      // The month's row is held: a reopening, a republication or a second appeal waits for this one.
      const month = await this.periods.lock(manager, body.period);
      const deadline = await this.deadlineOf(manager, month);
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
    const found = await this.appeals.find(id);
    if (!found) throw new NotFoundError('appeal.notFound', { id });
    await this.policy.assert(caller, 'appeal.resolve', found.agencyCode);
    if (!body.upheld && body.note.length === 0)
      throw new InvalidInputError([{ field: 'note', key: 'field.dismissNote' }]);
    await this.transactions.run(async (manager) => {
      const appeal = await this.appeals.findForUpdate(manager, id);
      if (!appeal) throw new NotFoundError('appeal.notFound', { id });
      if (appeal.status !== 'open') throw new ConflictError('appeal.notOpen', { id });
      await this.appeals.resolve(manager, id, {
        upheld: body.upheld,
        note: body.note,
        by: caller.username,
      });
      const status = body.upheld ? 'upheld' : 'dismissed';
      await this.audit.recordAction(
        manager,
        caller,
        body.upheld ? 'appeal.uphold' : 'appeal.dismiss',
        `appeal/${id}`,
        { status: appeal.status },
        { status, note: body.note },
      );
      const agencyName = await this.agencies.nameOf(appeal.agencyCode);
      if (body.upheld)
        await this.lifecycle.reopenWithin(
          manager,
          caller,
          appeal.period,
          `异议 #${id}（${agencyName}）：${appeal.reason}`,
          id,
        );
      await this.notifications.notify(manager, {
        recipients: await this.users.activeOfAgency(manager, appeal.agencyCode, ['agency_head']),
        kind: body.upheld ? 'appeal.upheld' : 'appeal.dismissed',
        params: {
          period: appeal.period,
          agencyCode: appeal.agencyCode,
          agencyName,
          reason: body.note,
          by: caller.username,
        },
      });
    });
    const resolved = await this.appeals.find(id);
    if (!resolved) throw new NotFoundError('appeal.notFound', { id });
    return this.present(resolved);
  }

  /** The last day of the month's appeal window; null while it is not published. */
  private async deadlineOf(manager: EntityManager, month: PeriodEntity): Promise<string | null> {
    if (month.status !== 'published' || month.publishedAt === null) return null;
    return this.appealWindow.deadlineOf(manager, month.period, dayOf(month.publishedAt));
  }

  private async present(row: AppealRow): Promise<AppealDto> {
    return {
      id: row.id,
      period: row.period,
      agencyCode: row.agencyCode,
      agencyName: await this.agencies.nameOf(row.agencyCode),
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
