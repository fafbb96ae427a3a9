import { Injectable } from '@nestjs/common';
import type { RectificationDto } from '@scorecard/contracts';
import { dayOf } from '@scorecard/scoring';
import {
  AuditLogRepository,
  type RectificationRow,
  RectificationRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import { RectificationRaisingService } from '@scorecard/server-months';
import { AccessPolicy } from '../access/access-policy';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';
import { type FollowUpKind, FollowUpSteps } from '../follow-ups/follow-up-steps.service';
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
    private readonly periods: PeriodLookupService,
    private readonly policy: AccessPolicy,
    private readonly steps: FollowUpSteps,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The items of the caller's scope (or of one agency in it), nearest deadline first. */
  async list(
    caller: AuthenticatedUser,
    query: RectificationListQuery,
  ): Promise<RectificationDto[]> {
    const agencyCodes = await this.steps.listScope(caller, 'rectification.read', query.agencyCode);
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
    await this.steps.assertIndicatorOf(body.period, indicatorCode);
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
      await this.steps.notifyHeads(manager, body.agencyCode, {
        kind: 'rectification.raised',
        params: {
          period: body.period,
          agencyCode: body.agencyCode,
          agencyName: await this.steps.nameOf(body.agencyCode),
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
    await this.steps.take(caller, this.kind, id, {
      permission: 'rectification.respond',
      version: body.version,
      from: ['open'],
      refusal: 'rectification.notOpen',
      action: 'rectification.respond',
      write: (manager, item) =>
        this.rectifications.respond(manager, id, {
          cause: body.cause,
          measures: body.measures,
          by: caller.username,
          version: item.version,
        }),
      after: () => ({ status: 'responded', cause: body.cause, measures: body.measures }),
    });
    return this.presentOne(id);
  }

  /** The verdict of an admin above the agency: accepted closes the item, otherwise it goes back open. */
  async verify(
    caller: AuthenticatedUser,
    id: string,
    body: VerifyRectificationDto,
  ): Promise<RectificationDto> {
    await this.steps.take(caller, this.kind, id, {
      permission: 'rectification.verify',
      version: body.version,
      check: () => {
        if (!body.accepted && body.note.length === 0)
          throw new InvalidInputError([{ field: 'note', key: 'field.sendBackNote' }]);
      },
      from: ['responded'],
      refusal: 'rectification.notResponded',
      action: body.accepted ? 'rectification.accept' : 'rectification.send_back',
      write: (manager, item) =>
        this.rectifications.verify(manager, id, {
          accepted: body.accepted,
          note: body.note,
          by: caller.username,
          version: item.version,
        }),
      after: () => ({
        status: body.accepted ? 'closed' : 'open',
        accepted: body.accepted,
        note: body.note,
      }),
      notify: async (item) =>
        body.accepted
          ? null
          : {
              kind: 'rectification.returned',
              params: {
                period: item.period,
                agencyCode: item.agencyCode,
                agencyName: await this.steps.nameOf(item.agencyCode),
                reason: body.note,
                by: caller.username,
                deadline: item.deadline,
              },
            },
    });
    return this.presentOne(id);
  }

  private readonly kind: FollowUpKind<RectificationRow> = {
    target: 'rectification',
    find: (id) => this.rectifications.find(id),
    findForUpdate: (manager, id) => this.rectifications.findForUpdate(manager, id),
    notFound: 'rectification.notFound',
    stale: 'rectification.stale',
  };

  private async existing(id: string): Promise<RectificationRow> {
    const found = await this.rectifications.find(id);
    if (!found) throw new NotFoundError('rectification.notFound', { id });
    return found;
  }

  private async presentOne(id: string): Promise<RectificationDto> {
    const [dto] = await this.present([await this.existing(id)]);
    return dto;
  }

  private present(rows: RectificationRow[]): Promise<RectificationDto[]> {
    return this.steps.present(rows, (row) => ({
      indicatorCode: row.indicatorCode,
      source: row.source,
      reason: row.reason,
      closedAs: row.closedAs,
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
    }));
  }
}
