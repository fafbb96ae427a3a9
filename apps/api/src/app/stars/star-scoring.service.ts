import { Injectable } from '@nestjs/common';
import type { StarCandidateDto } from '@scorecard/contracts';
import { AuditLogRepository, StarRepository, TransactionRunner } from '@scorecard/server-database';
import { AccessPolicy } from '../access/access-policy';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import type { PutStarScoresDto } from './star.dto';
import { StarRoundService, assertRoundOpen } from './star-round.service';

/** The agency head gives a candidate the work, leader and attendance scores (0–100). */
@Injectable()
export class StarScoringService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly stars: StarRepository,
    private readonly rounds: StarRoundService,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLogRepository,
  ) {}

  async score(
    caller: AuthenticatedUser,
    id: string,
    body: PutStarScoresDto,
  ): Promise<StarCandidateDto> {
    const candidate = await this.rounds.candidate(id);
    await this.policy.assert(caller, 'star.manage', candidate.agencyCode);
    await this.transactions.run(async (manager) => {
      assertRoundOpen(await this.rounds.lock(manager, candidate.period, candidate.agencyCode));
      const scores = {
        work: body.work.toFixed(2),
        leader: body.leader.toFixed(2),
        attendance: body.attendance.toFixed(2),
      };
      await this.stars.setScores(manager, id, scores);
      await this.audit.recordAction(
        manager,
        caller,
        'star.score',
        `star/${candidate.period}/${candidate.agencyCode}/candidates/${id}`,
        { work: candidate.work, leader: candidate.leader, attendance: candidate.attendance },
        scores,
      );
    });
    const round = await this.rounds.view(caller, candidate.period, candidate.agencyCode);
    return round.candidates.find((entry) => entry.id === id) as StarCandidateDto;
  }
}
