import { Injectable } from '@nestjs/common';
import { agenciesReachable, hasPermission } from '@scorecard/access';
import type { RectificationDto } from '@scorecard/contracts';
import { dayOf, periodYear, workingCalendar, workingDaysLeft } from '@scorecard/scoring';
import {
  AuditLogRepository,
  NotificationRepository,
  type RectificationRow,
  RectificationRepository,
  SchemeRepository,
  TransactionRunner,
  UserRepository,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { RectificationRaisingService } from '@scorecard/server-months';
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
import type {
  CreateRectificationDto,
  RectificationListQuery,
  RespondRectificationDto,
  VerifyRectificationDto,
} from './rectification.dto';

/**
 * Rectification items (整改事项): admins above an agency raise and verify them, its head answers
 * them. Every transition is audited with before and after; the head is told when an item is
 * raised or sent back.
 */
@Injectable()
export class RectificationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly rectifications: RectificationRepository,
    private readonly raising: RectificationRaisingService,
    private readonly calendar: WorkingCalendarRepository,
    private readonly schemes: SchemeRepository,
    private readonly periods: PeriodLookupService,
    private readonly policy: AccessPolicy,
    private readonly agencies: AgencyDirectory,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The items of the caller's scope (or of one agency in it), nearest deadline first. */
  async list(
    caller: AuthenticatedUser,
    query: RectificationListQuery,
  ): Promise<RectificationDto[]> {
    if (!hasPermission(caller, 'rectification.read'))
      throw OutOfScopeError.denied('rectification.read');
    let agencyCodes: string[];
    if (query.agencyCode) {
      await this.policy.assert(caller, 'rectification.read', query.agencyCode);
      agencyCodes = [query.agencyCode];
    } else {
      agencyCodes = agenciesReachable(await this.agencies.tree(), caller, 'rectification.read');
    }
    const rows = await this.rectifications.list({
      agencyCodes,
      period: query.period,
      status: query.status,
    });
    return this.present(rows);
  }

  async create(caller: AuthenticatedUser, body: CreateRectificationDto): Promise<{ id: string }> {
    await this.policy.assert(caller, 'rectification.raise', body.agencyCode);
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
      const month = await this.periods.lock(manager, body.period);
      if (month.status !== 'published')
        throw new ConflictError('rectification.monthNotPublished', { period: body.period });
      const deadline = await this.raising.deadlineOf(manager, body.period, dayOf(new Date()));
      const id = await this.rectifications.insertManual(manager, {
        period: body.period,
        agencyCode: body.agencyCode,
        indicatorCode,
        reason: body.reason,
        deadline,
        createdBy: caller.username,
      });
      await this.audit.recordAction(
        manager,
        caller,
        'rectification.raise',
        `rectification/${id}`,
        null,
        {
          period: body.period,
          agencyCode: body.agencyCode,
          indicatorCode,
          source: 'manual',
          reason: body.reason,
          deadline,
          status: 'open',
        },
      );
      await this.notifications.notify(manager, {
        recipients: await this.users.activeOfAgency(manager, body.agencyCode, ['agency_head']),
        kind: 'rectification.raised',
        params: {
          period: body.period,
          agencyCode: body.agencyCode,
          agencyName: await this.agencies.nameOf(body.agencyCode),
          reason: body.reason,
          deadline,
          count: 1,
        },
      });
      return { id };
    });
  }

  /** The head's answer: cause (原因分析) and measures (整改措施); the item awaits verification. */
  async respond(
    caller: AuthenticatedUser,
    id: string,
    body: RespondRectificationDto,
  ): Promise<RectificationDto> {
    const found = await this.existing(id);
    await this.policy.assert(caller, 'rectification.respond', found.agencyCode);
    await this.transactions.run(async (manager) => {
      const item = await this.lockCurrent(manager, id, body.version);
      if (item.status !== 'open') throw new ConflictError('rectification.notOpen', { id });
      await this.rectifications.respond(manager, id, {
        cause: body.cause,
        measures: body.measures,
        by: caller.username,
        version: item.version,
      });
      await this.audit.recordAction(
        manager,
        caller,
        'rectification.respond',
        `rectification/${id}`,
        { status: item.status, version: item.version },
        {
          status: 'responded',
          cause: body.cause,
          measures: body.measures,
          version: item.version + 1,
        },
      );
    });
    return this.presentOne(id);
  }

  /** The verdict of an admin above the agency: accepted closes the item, otherwise it goes back open. */
  async verify(
    caller: AuthenticatedUser,
    id: string,
    body: VerifyRectificationDto,
  ): Promise<RectificationDto> {
    const found = await this.existing(id);
    await this.policy.assert(caller, 'rectification.verify', found.agencyCode);
    if (!body.accepted && body.note.length === 0)
      throw new InvalidInputError([{ field: 'note', key: 'field.sendBackNote' }]);
    await this.transactions.run(async (manager) => {
      const item = await this.lockCurrent(manager, id, body.version);
      if (item.status !== 'responded')
        throw new ConflictError('rectification.notResponded', { id });
      await this.rectifications.verify(manager, id, {
        accepted: body.accepted,
        note: body.note,
        by: caller.username,
        version: item.version,
      });
      const status = body.accepted ? 'closed' : 'open';
      await this.audit.recordAction(
        manager,
        caller,
        body.accepted ? 'rectification.accept' : 'rectification.send_back',
        `rectification/${id}`,
        { status: item.status, version: item.version },
        { status, accepted: body.accepted, note: body.note, version: item.version + 1 },
      );
      if (!body.accepted) {
        await this.notifications.notify(manager, {
          recipients: await this.users.activeOfAgency(manager, item.agencyCode, ['agency_head']),
          kind: 'rectification.returned',
          params: {
            period: item.period,
            agencyCode: item.agencyCode,
            agencyName: await this.agencies.nameOf(item.agencyCode),
            reason: body.note,
            by: caller.username,
            deadline: item.deadline,
          },
        });
      }
    });
    return this.presentOne(id);
  }

  private async existing(id: string): Promise<RectificationRow> {
    const found = await this.rectifications.find(id);
    if (!found) throw new NotFoundError('rectification.notFound', { id });
    return found;
  }

  /** The item held for the transaction; 409 when the caller read an older version of it. */
  private async lockCurrent(
    manager: Parameters<RectificationRepository['findForUpdate']>[0],
    id: string,
    version: number | undefined,
  ): Promise<RectificationRow> {
    const item = await this.rectifications.findForUpdate(manager, id);
    if (!item) throw new NotFoundError('rectification.notFound', { id });
    if (version !== undefined && version !== item.version)
      throw new ConflictError('rectification.stale', { version: item.version });
    return item;
  }

  private async presentOne(id: string): Promise<RectificationDto> {
    const [dto] = await this.present([await this.existing(id)]);
    return dto;
  }

  private async present(rows: RectificationRow[]): Promise<RectificationDto[]> {
    const today = dayOf(new Date());
    const days = [today, ...rows.map((row) => row.deadline)].sort();
    const calendar = workingCalendar(
      await this.calendar.findYears(periodYear(days[0]), periodYear(days[days.length - 1])),
    );
    const result: RectificationDto[] = [];
    for (const row of rows) {
      result.push({
        id: row.id,
        period: row.period,
        agencyCode: row.agencyCode,
        agencyName: await this.agencies.nameOf(row.agencyCode),
        indicatorCode: row.indicatorCode,
        source: row.source,
        reason: row.reason,
        deadline: row.deadline,
        status: row.overdue ? 'overdue' : row.status,
        stage: row.status,
        closedAs: row.closedAs,
        workingDaysLeft: workingDaysLeft({ today, deadline: row.deadline, calendar }),
        response:
          row.responseCause !== null && row.respondedBy !== null && row.respondedAt !== null
            ? {
                cause: row.responseCause,
                measures: row.responseMeasures ?? '',
                by: row.respondedBy,
                at: row.respondedAt.toISOString(),
              }
            : null,
        verification:
          row.verifiedBy !== null && row.verifiedAt !== null
            ? {
                accepted: row.verificationAccepted,
                note: row.verificationNote ?? '',
                by: row.verifiedBy,
                at: row.verifiedAt.toISOString(),
              }
            : null,
        createdBy: row.createdBy,
        createdAt: row.createdAt.toISOString(),
        version: row.version,
      });
    }
    return result;
  }
}
