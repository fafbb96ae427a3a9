import { Injectable } from '@nestjs/common';
import {
  AuditLogRepository,
  NotificationRepository,
  StarRepository,
  TransactionRunner,
  UserRepository,
} from '@scorecard/server-database';
import { AgencyDirectory } from '../common/agency-directory.service';
import { ConflictError, InvalidInputError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import type { NominateStarDto } from './star.dto';
import { StarRoundService, assertRoundOpen } from './star-round.service';

/** An agency head names a member of the agency's staff as a candidate for the month. */
@Injectable()
export class StarNominationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly stars: StarRepository,
    private readonly rounds: StarRoundService,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
    private readonly agencies: AgencyDirectory,
    private readonly audit: AuditLogRepository,
  ) {}

  async nominate(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
    body: NominateStarDto,
  ): Promise<{ id: string }> {
    return this.transactions.run(async (manager) => {
      await this.rounds.assertPeriodExists(period, manager);
      const person = await this.users.findByUsername(body.staffUsername, manager);
      if (
        !person ||
        person.role !== 'staff' ||
        person.agencyCode !== agencyCode ||
        person.disabled
      ) {
        throw new InvalidInputError([
          {
            field: 'staffUsername',
            key: 'field.notStaff',
            params: { username: body.staffUsername, agencyCode },
          },
        ]);
      }
      await this.stars.ensureRound(manager, period, agencyCode);
      assertRoundOpen(await this.rounds.lock(manager, period, agencyCode));
      const existing = await this.stars.listCandidates(period, agencyCode, manager);
      if (existing.some((candidate) => candidate.staffUsername === person.username)) {
        throw new ConflictError('star.alreadyCandidate', { username: person.username, period });
      }
      const evidence =
        body.evidence && Object.keys(body.evidence).length > 0 ? { ...body.evidence } : null;
      const id = await this.stars.insertCandidate(manager, {
        period,
        agencyCode,
        staffUsername: person.username,
        post: body.post,
        reason: body.reason,
        evidence,
        nominatedBy: caller.username,
      });
      await this.audit.recordAction(
        manager,
        caller,
        'star.nominate',
        `star/${period}/${agencyCode}/candidates/${id}`,
        null,
        { staffUsername: person.username, post: body.post, reason: body.reason, evidence },
      );
      // Voting opens with the first candidate: each member of staff hears it once a month.
      const staff = await this.stars.usersOf(agencyCode, ['staff'], manager);
      const agencyName = await this.agencies.nameOf(agencyCode);
      await this.notifications.notify(manager, {
        recipients: staff.map((user) => user.username),
        kind: 'star.voting_open',
        params: { period, agencyCode, agencyName },
        dedupeKey: (username) => `star.voting_open/${period}/${agencyCode}/${username}`,
      });
      return { id };
    });
  }
}
