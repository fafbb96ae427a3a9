import { Injectable } from '@nestjs/common';
import type { ResolveObjectionResponse } from '@scorecard/contracts';
import {
  AuditLogRepository,
  NotificationRepository,
  StarObjectionRepository,
  StarRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import { STAR_MANAGER_ROLES } from '@scorecard/server-months';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { ConflictError, NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import type { FileObjectionDto, ResolveObjectionDto } from './star.dto';
import { StarRoundService } from './star-round.service';

/** Staff object to a star being publicised; the agency head upholds or dismisses the objection. */
@Injectable()
export class StarObjectionsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly stars: StarRepository,
    private readonly objections: StarObjectionRepository,
    private readonly rounds: StarRoundService,
    private readonly policy: AccessPolicy,
    private readonly notifications: NotificationRepository,
    private readonly agencies: AgencyDirectory,
    private readonly audit: AuditLogRepository,
  ) {}

  async file(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
    body: FileObjectionDto,
  ): Promise<{ id: string }> {
    return this.transactions.run(async (manager) => {
      const round = await this.stars.findRoundForUpdate(manager, period, agencyCode);
      if (
        !round ||
        round.status !== 'publicizing' ||
        !round.starCandidateId ||
        !round.publicityEndsAt
      ) {
        throw new ConflictError('star.notPublicised', { period });
      }
      if (new Date() > round.publicityEndsAt) {
        throw new ConflictError('star.publicityEnded', { period });
      }
      const id = await this.objections.insertObjection(manager, {
        period,
        agencyCode,
        candidateId: round.starCandidateId,
        reason: body.reason,
        filedBy: caller.username,
      });
      await this.audit.recordAction(
        manager,
        caller,
        'star.object',
        `star/${period}/${agencyCode}/objections/${id}`,
        null,
        { candidateId: round.starCandidateId, reason: body.reason },
      );
      const managers = await this.stars.usersOf(agencyCode, STAR_MANAGER_ROLES, manager);
      await this.notifications.notify(manager, {
        recipients: managers.map((user) => user.username),
        kind: 'star.objection_filed',
        params: { period, agencyCode, agencyName: await this.agencies.nameOf(agencyCode) },
      });
      return { id };
    });
  }

  /**
   * Upheld: the selection is withdrawn (the candidate stays listed, ineligible) and the round opens
   * again for the runner-up. Dismissed: the star stands, and is confirmed at once if the window is
   * over and no other objection is open.
   */
  async resolve(
    caller: AuthenticatedUser,
    id: string,
    body: ResolveObjectionDto,
  ): Promise<ResolveObjectionResponse> {
    const found = await this.objections.findObjection(id);
    if (!found) throw new NotFoundError('objection.notFound', { id });
    await this.policy.assert(caller, 'star.manage', found.agencyCode);
    return this.transactions.run(async (manager) => {
      const round = await this.rounds.lock(manager, found.period, found.agencyCode);
      const objection = await this.objections.findObjection(id, manager);
      if (!objection || objection.status !== 'open') {
        throw new ConflictError('objection.alreadyResolved', { id });
      }
      const now = new Date();
      let status = round.status;
      await this.objections.resolveObjection(manager, {
        id,
        status: body.upheld ? 'upheld' : 'dismissed',
        note: body.note,
        resolvedBy: caller.username,
        at: now,
      });
      if (body.upheld) {
        await this.stars.withdrawSelection(
          manager,
          round.period,
          round.agencyCode,
          objection.candidateId,
        );
        await this.objections.voidOpenObjections(manager, round.period, round.agencyCode, now);
        status = 'open';
      } else if (
        round.status === 'publicizing' &&
        round.publicityEndsAt &&
        round.publicityEndsAt <= now &&
        (await this.objections.countOpenObjections(manager, round.period, round.agencyCode)) === 0
      ) {
        await this.stars.confirm(manager, round.period, round.agencyCode, now);
        status = 'confirmed';
      }
      await this.audit.recordAction(
        manager,
        caller,
        'star.objection.resolve',
        `star/${round.period}/${round.agencyCode}/objections/${id}`,
        { objection: 'open', round: round.status, candidateId: round.starCandidateId },
        { objection: body.upheld ? 'upheld' : 'dismissed', note: body.note, round: status },
      );
      return { status };
    });
  }
}
