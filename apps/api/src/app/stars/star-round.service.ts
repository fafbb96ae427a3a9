import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StarRoundDto } from '@scorecard/contracts';
import {
  type StarCandidateRow,
  StarObjectionRepository,
  StarRepository,
  type StarRound,
  type StarRules,
} from '@scorecard/server-database';
import {
  Ratio,
  type StarRoundEvaluation,
  evaluateStarRound,
  findCooldownConflict,
  isStarTallySealed,
  periodYear,
} from '@scorecard/scoring';
import { AgencyDirectory } from '../common/agency-directory.service';
import { PeriodLookupService } from '../common/period-lookup.service';
import { ConflictError, NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { StarBallotReceiptService } from './star-ballot-receipt.service';
import { toSelectedStar, toStarCandidateDto, toStarObjectionDto } from './star-round.mapper';
import { StarRulesService } from './star-rules.service';

export interface EvaluatedStarRound {
  evaluation: StarRoundEvaluation;
  candidates: StarCandidateRow[];
  voters: number;
}

/**
 * One agency-month's star selection as it stands: what the round shows, its evaluation under the
 * year's rules, and the lock every write of the round holds.
 */
@Injectable()
export class StarRoundService {
  constructor(
    private readonly stars: StarRepository,
    private readonly objections: StarObjectionRepository,
    private readonly months: PeriodLookupService,
    private readonly rules: StarRulesService,
    private readonly agencies: AgencyDirectory,
    private readonly receipts: StarBallotReceiptService,
  ) {}

  async round(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
  ): Promise<StarRoundDto> {
    await this.assertPeriodExists(period);
    return this.view(caller, period, agencyCode);
  }

  /**
   * The round as `caller` sees it: whether they have voted and for whom (to them alone); votes,
   * peer scores and totals only once the ballot is closed.
   */
  async view(caller: AuthenticatedUser, period: string, agencyCode: string): Promise<StarRoundDto> {
    const rules = await this.rules.forYear(periodYear(period));
    const round = await this.stars.findRound(period, agencyCode);
    const { evaluation, candidates, voters } = await this.evaluate({ period, agencyCode }, rules);
    const staff = await this.stars.usersOf(agencyCode, ['staff']);
    const staffStars = await this.stars.starPeriodsOf(
      staff.map((person) => person.username),
      { period, agencyCode },
    );
    const objections = await this.objections.listObjections(period, agencyCode);
    const rowOf = new Map(candidates.map((row) => [row.id, row]));
    const starRow = round?.starCandidateId ? rowOf.get(round.starCandidateId) : undefined;
    const status = round?.status ?? 'open';
    const tallySealed = isStarTallySealed(status);
    const receipt = await this.stars.findReceipt(period, agencyCode, caller.username);
    const myChoice = receipt
      ? this.receipts.open({ period, agencyCode, voter: caller.username }, receipt)
      : null;
    const myChoiceRow = myChoice ? rowOf.get(myChoice) : undefined;
    return {
      period,
      agencyCode,
      agencyName: await this.agencies.nameOf(agencyCode),
      status,
      weights: rules.weights,
      cooldownMonths: rules.cooldownMonths,
      publicityDays: rules.publicityDays,
      staff: staff.map(({ username, name, post }) => {
        const starPeriods = staffStars.get(username) ?? [];
        return {
          username,
          name,
          post,
          lastStarPeriod: starPeriods.at(-1) ?? null,
          eligible:
            findCooldownConflict({ period, starPeriods, cooldownMonths: rules.cooldownMonths }) ===
            null,
        };
      }),
      staffCount: staff.length,
      voterCount: voters,
      votedByMe:
        receipt !== null || (await this.stars.hasVoted(period, agencyCode, caller.username)),
      myVote: myChoiceRow ? { candidateId: myChoiceRow.id, name: myChoiceRow.name } : null,
      tallySealed,
      candidates: evaluation.candidates.map((evaluated) =>
        toStarCandidateDto(rowOf.get(evaluated.id) as StarCandidateRow, evaluated, {
          rules,
          tallySealed,
        }),
      ),
      star: toSelectedStar(round, starRow),
      objections: objections.map(toStarObjectionDto),
    };
  }

  /** Totals, eligibility (cooldown, withdrawal) and the winner, by `evaluateStarRound`. */
  async evaluate(
    { period, agencyCode }: { period: string; agencyCode: string },
    rules: StarRules,
    manager?: EntityManager,
  ): Promise<EvaluatedStarRound> {
    const candidates = await this.stars.listCandidates(period, agencyCode, manager);
    const starPeriods = await this.stars.starPeriodsOf(
      candidates.map((candidate) => candidate.staffUsername),
      { period, agencyCode },
      manager,
    );
    const voters = await this.stars.countVoters(period, agencyCode, manager);
    const score = (text: string | null) => (text === null ? null : Ratio.fromDecimal(text));
    const evaluation = evaluateStarRound({
      period,
      candidates: candidates.map((candidate) => ({
        id: candidate.id,
        nominatedAt: candidate.nominatedAt,
        work: score(candidate.work),
        leader: score(candidate.leader),
        attendance: score(candidate.attendance),
        votes: candidate.votes,
        withdrawn: candidate.withdrawn,
        starPeriods: starPeriods.get(candidate.staffUsername) ?? [],
      })),
      voters,
      weights: rules.weights,
      cooldownMonths: rules.cooldownMonths,
    });
    return { evaluation, candidates, voters };
  }

  async candidate(id: string): Promise<StarCandidateRow> {
    const candidate = await this.stars.findCandidate(id);
    if (!candidate) throw new NotFoundError('candidate.notFound', { id });
    return candidate;
  }

  /** Holds the agency-month's round for the rest of the transaction. */
  async lock(manager: EntityManager, period: string, agencyCode: string): Promise<StarRound> {
    const round = await this.stars.findRoundForUpdate(manager, period, agencyCode);
    if (!round) throw new NotFoundError('star.noRound', { agencyCode, period });
    return round;
  }

  async assertPeriodExists(period: string, manager?: EntityManager): Promise<void> {
    await this.months.existing(period, manager);
  }
}

/** Nominating and scoring end once a star is selected. */
export function assertRoundOpen(round: StarRound): void {
  if (round.status !== 'open') {
    throw new ConflictError('star.alreadySelected', { period: round.period });
  }
}
