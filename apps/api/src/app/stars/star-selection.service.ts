import { Injectable } from '@nestjs/common';
import type { SelectStarResponse } from '@scorecard/contracts';
import {
  AuditLogRepository,
  NotificationRepository,
  type StarCandidateRow,
  StarRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import { STAR_MANAGER_ROLES } from '@scorecard/server-months';
import { periodYear } from '@scorecard/scoring';
import { AgencyDirectory } from '../common/agency-directory.service';
import { ConflictError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { StarRoundService } from './star-round.service';
import { StarRulesService } from './star-rules.service';

const DAY_MS = 86_400_000;

/**
 * The agency head selects the month's star: the highest eligible total wins, and the selection is
 * publicised for the year's publicity days.
 */
@Injectable()
export class StarSelectionService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly stars: StarRepository,
    private readonly rounds: StarRoundService,
    private readonly rules: StarRulesService,
    private readonly notifications: NotificationRepository,
    private readonly agencies: AgencyDirectory,
    private readonly audit: AuditLogRepository,
  ) {}

  async select(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
  ): Promise<SelectStarResponse> {
    return this.transactions.run(async (manager) => {
      await this.rounds.assertPeriodExists(period, manager);
      const round = await this.stars.findRoundForUpdate(manager, period, agencyCode);
      if (!round)
        throw new ConflictError('star.nobodyNominated', { period });
      if (round.status !== 'open')
        throw new ConflictError('star.alreadySelected', { period });
      const rules = await this.rules.forYear(periodYear(period), manager);
      const { evaluation, candidates } = await this.rounds.evaluate(
        { period, agencyCode },
        rules,
        manager,
      );
      const nameOf = (candidateId: string) =>
        candidates.find((c) => c.id === candidateId)?.staffUsername ?? candidateId;
      if (evaluation.unscored.length > 0) {
        throw new ConflictError('star.unscored', {
          names: evaluation.unscored.map(nameOf).join(', '),
        });
      }
      const winner = evaluation.winner;
      if (!winner?.total)
        throw new ConflictError('star.noEligible', { period });
      const star = candidates.find((c) => c.id === winner.id) as StarCandidateRow;
      const now = new Date();
      const total = winner.total.toFixed(2);
      const publicityEndsAt = new Date(now.getTime() + rules.publicityDays * DAY_MS);
      await this.stars.select(manager, {
        period,
        agencyCode,
        candidateId: winner.id,
        total,
        selectedBy: caller.username,
        selectedAt: now,
        publicityEndsAt,
      });
      await this.audit.recordAction(
        manager,
        caller,
        'star.select',
        `star/${period}/${agencyCode}`,
        { status: 'open' },
        {
          status: 'publicizing',
          candidateId: winner.id,
          staffUsername: star.staffUsername,
          total,
          publicityEndsAt,
        },
      );
      const members = await this.stars.usersOf(
        agencyCode,
        ['staff', ...STAR_MANAGER_ROLES],
        manager,
      );
      await this.notifications.notify(manager, {
        recipients: members.map((user) => user.username),
        kind: 'star.selected',
        params: {
          period,
          agencyCode,
          agencyName: await this.agencies.nameOf(agencyCode),
          name: star.name,
        },
      });
      return { candidateId: winner.id, total: Number(total) };
    });
  }
}
