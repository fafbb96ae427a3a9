import { Injectable } from '@nestjs/common';
import { AuditLogRepository, StarRepository, TransactionRunner } from '@scorecard/server-database';
import { periodYear } from '@scorecard/scoring';
import { AccessPolicy } from '../access/access-policy';
import { ConflictError, InvalidInputError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { StarBallotReceiptService } from './star-ballot-receipt.service';
import { StarRoundService } from './star-round.service';
import { StarRulesService } from './star-rules.service';

/** Staff vote for one eligible candidate of their agency a month, never for themselves. */
@Injectable()
export class StarVotingService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly policy: AccessPolicy,
    private readonly rounds: StarRoundService,
    private readonly rules: StarRulesService,
    private readonly receipts: StarBallotReceiptService,
    private readonly stars: StarRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  /**
   * A secret ballot: the audit entry and everything stored say that the caller voted in the
   * agency-month, never for whom (but for the receipt sealed for the caller). A candidate the
   * selection would skip (inside the cooldown, withdrawn) takes no votes.
   */
  async vote(caller: AuthenticatedUser, id: string): Promise<{ voted: true }> {
    const candidate = await this.rounds.candidate(id);
    await this.policy.assert(caller, 'star.vote', candidate.agencyCode);
    if (candidate.staffUsername === caller.username) {
      throw new InvalidInputError([
        { field: 'candidate', key: 'field.voteForSelf' },
      ]);
    }
    await this.transactions.run(async (manager) => {
      const round = await this.rounds.lock(manager, candidate.period, candidate.agencyCode);
      if (round.status !== 'open')
        throw new ConflictError('star.votingClosed', { period: candidate.period });
      if (candidate.withdrawn)
        throw new ConflictError('star.candidateWithdrawn');
      const rules = await this.rules.forYear(periodYear(candidate.period), manager);
      const { evaluation } = await this.rounds.evaluate(candidate, rules, manager);
      const ineligibility = evaluation.candidates.find((c) => c.id === id)?.ineligibility;
      if (ineligibility?.code === 'cooldown') {
        throw new ConflictError('star.candidateInCooldown', {
          name: candidate.name,
          starPeriod: ineligibility.starPeriod,
          months: rules.cooldownMonths,
        });
      }
      const ballot = {
        period: candidate.period,
        agencyCode: candidate.agencyCode,
        voter: caller.username,
      };
      const cast = await this.stars.castVote(manager, {
        ...ballot,
        candidateId: id,
        receipt: this.receipts.seal(ballot, id),
      });
      if (!cast)
        throw new ConflictError('star.alreadyVoted', { period: candidate.period });
      // No request id: it would tie this entry to the request log, which names the candidate.
      await this.audit.recordAction(
        manager,
        { ...caller, requestId: null },
        'star.vote',
        `star/${candidate.period}/${candidate.agencyCode}`,
        null,
        { voted: true },
      );
    });
    return { voted: true };
  }
}
