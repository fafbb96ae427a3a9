import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ResolveObjectionResponse,
  SelectStarResponse,
  StarCandidateDto,
  StarIneligibilityCode,
  StarParticipationDto,
  StarRoundDto,
  StarRulesDto,
  StarWallEntryDto,
} from '@scorecard/contracts';
import {
  AuditLogRepository,
  NotificationRepository,
  PeriodRepository,
  type StarCandidateRow,
  StarRepository,
  type StarRound,
  type StarRules,
  UserRepository,
} from '@scorecard/server-database';
import { STAR_MANAGER_ROLES } from '@scorecard/server-months';
import {
  DEFAULT_STAR_COOLDOWN_MONTHS,
  DEFAULT_STAR_WEIGHTS,
  Ratio,
  type StarRoundEvaluation,
  evaluateStarRound,
  periodYear,
} from '@scorecard/scoring';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import type {
  FileObjectionDto,
  NominateStarDto,
  PutStarRulesDto,
  PutStarScoresDto,
  ResolveObjectionDto,
} from './star.dto';
import type { StarWallQuery } from './star.query';

const DEFAULT_PUBLICITY_DAYS = 5;
const DAY_MS = 86_400_000;

/**
 * The service star of the month (一月一星): nomination, scoring, the secret ballot, selection,
 * publicity and objections. Every write runs in one transaction holding the agency-month's round,
 * with one audit entry; the formulas come from `@scorecard/scoring`.
 */
@Injectable()
export class StarsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stars: StarRepository,
    private readonly notifications: NotificationRepository,
    private readonly periods: PeriodRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditLogRepository,
    private readonly policy: AccessPolicy,
    private readonly agencies: AgencyDirectory,
  ) {}

  async rules(year: number): Promise<StarRulesDto> {
    return this.rulesFor(year);
  }

  async putRules(
    caller: AuthenticatedUser,
    year: number,
    body: PutStarRulesDto,
  ): Promise<StarRulesDto> {
    const { work, peer, leader, attendance } = body.weights;
    if (work + peer + leader + attendance <= 0) {
      throw new InvalidInputError([{ field: 'weights', message: 'weights must not all be zero' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await this.stars.findRules(year, manager);
      const rules: StarRules = {
        year,
        weights: { work, peer, leader, attendance },
        cooldownMonths: body.cooldownMonths,
        publicityDays: body.publicityDays,
      };
      if (!before || before.year !== year || !(await this.stars.updateRules(manager, rules))) {
        throw new NotFoundError(`No indicator scheme of ${year} of its own to set star rules on`);
      }
      await this.audit.recordAction(
        manager,
        caller,
        'star.rules',
        `scheme/${year}/stars`,
        before,
        rules,
      );
      return rules;
    });
  }

  async round(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
  ): Promise<StarRoundDto> {
    if (!(await this.periods.find(period)))
      throw new NotFoundError(`Period ${period} does not exist`);
    return this.buildRound(caller, period, agencyCode);
  }

  async nominate(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
    body: NominateStarDto,
  ): Promise<{ id: string }> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.periods.find(period, manager)))
        throw new NotFoundError(`Period ${period} does not exist`);
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
            message: `${body.staffUsername} is not staff of agency ${agencyCode}`,
          },
        ]);
      }
      await this.stars.ensureRound(manager, period, agencyCode);
      const round = await this.lockRound(manager, period, agencyCode);
      assertOpen(round);
      const existing = await this.stars.listCandidates(period, agencyCode, manager);
      if (existing.some((candidate) => candidate.staffUsername === person.username)) {
        throw new ConflictError(`${person.username} is already a candidate for ${period}`);
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
        {
          staffUsername: person.username,
          post: body.post,
          reason: body.reason,
          evidence,
        },
      );
      // Voting opens with the first candidate: each member of staff hears it once a month.
      const staff = await this.stars.usersOf(agencyCode, ['staff'], manager);
      const agencyName = (await this.agencies.find(agencyCode))?.name ?? agencyCode;
      await this.notifications.notify(manager, {
        recipients: staff.map((user) => user.username),
        kind: 'star.voting_open',
        params: { period, agencyCode, agencyName },
        dedupeKey: (username) => `star.voting_open/${period}/${agencyCode}/${username}`,
      });
      return { id };
    });
  }

  async score(
    caller: AuthenticatedUser,
    id: string,
    body: PutStarScoresDto,
  ): Promise<StarCandidateDto> {
    const candidate = await this.candidateOrThrow(id);
    await this.policy.assert(caller, 'star.manage', candidate.agencyCode);
    await this.dataSource.transaction(async (manager) => {
      assertOpen(await this.lockRound(manager, candidate.period, candidate.agencyCode));
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
    const round = await this.buildRound(caller, candidate.period, candidate.agencyCode);
    return round.candidates.find((entry) => entry.id === id) as StarCandidateDto;
  }

  /**
   * A secret ballot: the audit entry and everything stored say that the caller voted in the
   * agency-month, never for whom.
   */
  async vote(caller: AuthenticatedUser, id: string): Promise<{ voted: true }> {
    const candidate = await this.candidateOrThrow(id);
    await this.policy.assert(caller, 'star.vote', candidate.agencyCode);
    if (candidate.staffUsername === caller.username) {
      throw new InvalidInputError([
        { field: 'candidate', message: 'You cannot vote for yourself' },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const round = await this.lockRound(manager, candidate.period, candidate.agencyCode);
      if (round.status !== 'open')
        throw new ConflictError(`Voting for the star of ${candidate.period} is closed`);
      if (candidate.withdrawn)
        throw new ConflictError('This candidate was withdrawn after an objection');
      const cast = await this.stars.castVote(manager, {
        period: candidate.period,
        agencyCode: candidate.agencyCode,
        voter: caller.username,
        candidateId: id,
      });
      if (!cast)
        throw new ConflictError(`You have already voted for the star of ${candidate.period}`);
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

  async select(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
  ): Promise<SelectStarResponse> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.periods.find(period, manager)))
        throw new NotFoundError(`Period ${period} does not exist`);
      const round = await this.stars.findRoundForUpdate(manager, period, agencyCode);
      if (!round)
        throw new ConflictError(`Nobody has been nominated for the star of ${period} yet`);
      if (round.status !== 'open')
        throw new ConflictError(`The star of ${period} is already selected`);
      const rules = await this.rulesFor(periodYear(period), manager);
      const { evaluation, candidates } = await this.evaluate(manager, period, agencyCode, rules);
      const nameOf = (candidateId: string) =>
        candidates.find((c) => c.id === candidateId)?.staffUsername ?? candidateId;
      if (evaluation.unscored.length > 0) {
        throw new ConflictError(
          `Score every candidate before selecting: ${evaluation.unscored.map(nameOf).join(', ')}`,
        );
      }
      const winner = evaluation.winner;
      if (!winner?.total)
        throw new ConflictError(`No eligible candidate for the star of ${period}`);
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
          agencyName: await this.agencyName(agencyCode),
          name: star.name,
        },
      });
      return { candidateId: winner.id, total: Number(total) };
    });
  }

  async object(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
    body: FileObjectionDto,
  ): Promise<{ id: string }> {
    return this.dataSource.transaction(async (manager) => {
      const round = await this.stars.findRoundForUpdate(manager, period, agencyCode);
      if (
        !round ||
        round.status !== 'publicizing' ||
        !round.starCandidateId ||
        !round.publicityEndsAt
      ) {
        throw new ConflictError(
          `The star of ${period} is not being publicised: there is nothing to object to`,
        );
      }
      if (new Date() > round.publicityEndsAt) {
        throw new ConflictError(`The publicity window of the star of ${period} has ended`);
      }
      const id = await this.stars.insertObjection(manager, {
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
        {
          candidateId: round.starCandidateId,
          reason: body.reason,
        },
      );
      const managers = await this.stars.usersOf(agencyCode, STAR_MANAGER_ROLES, manager);
      await this.notifications.notify(manager, {
        recipients: managers.map((user) => user.username),
        kind: 'star.objection_filed',
        params: { period, agencyCode, agencyName: await this.agencyName(agencyCode) },
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
    const found = await this.stars.findObjection(id);
    if (!found) throw new NotFoundError(`Objection ${id} does not exist`);
    await this.policy.assert(caller, 'star.manage', found.agencyCode);
    return this.dataSource.transaction(async (manager) => {
      const round = await this.lockRound(manager, found.period, found.agencyCode);
      const objection = await this.stars.findObjection(id, manager);
      if (!objection || objection.status !== 'open') {
        throw new ConflictError(`Objection ${id} is already ${objection?.status ?? 'gone'}`);
      }
      const now = new Date();
      let status = round.status;
      await this.stars.resolveObjection(manager, {
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
        await this.stars.voidOpenObjections(manager, round.period, round.agencyCode, now);
        status = 'open';
      } else if (
        round.status === 'publicizing' &&
        round.publicityEndsAt &&
        round.publicityEndsAt <= now &&
        (await this.stars.countOpenObjections(manager, round.period, round.agencyCode)) === 0
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

  async wall(query: StarWallQuery): Promise<StarWallEntryDto[]> {
    let agencyCodes: string[] | undefined;
    if (query.cityCode) {
      const city = await this.agencies.find(query.cityCode);
      if (!city) throw new NotFoundError(`Agency ${query.cityCode} does not exist`);
      agencyCodes = await this.agencies.subtree(query.cityCode);
    }
    if (query.agencyCode) {
      agencyCodes = (agencyCodes ?? [query.agencyCode]).filter((code) => code === query.agencyCode);
    }
    const rows = await this.stars.wall({
      period: query.period,
      agencyCodes,
      level: query.level,
      staffUsername: query.staffUsername,
      limit: query.limit ?? 500,
    });
    return rows.map((row) => ({
      period: row.period,
      agencyCode: row.agencyCode,
      agencyName: row.agencyName,
      level: row.level,
      parentCode: row.parentCode,
      staffUsername: row.staffUsername,
      name: row.name,
      post: row.post,
      reason: row.reason,
      scores: {
        work: Number(row.work),
        peer: row.voters === 0 ? 0 : (100 * row.votes) / row.voters,
        leader: Number(row.leader),
        attendance: Number(row.attendance),
      },
      total: Number(row.total),
      status: row.status,
      publicityEndsAt: row.publicityEndsAt.toISOString(),
    }));
  }

  async participation(period: string): Promise<StarParticipationDto> {
    if (!(await this.periods.find(period)))
      throw new NotFoundError(`Period ${period} does not exist`);
    const rows = await this.stars.participation(period);
    return {
      period,
      agencies: rows.length,
      named: rows.filter((row) => row.named).length,
      missing: rows
        .filter((row) => !row.named)
        .map(({ agencyCode, agencyName, level, parentCode, candidates }) => ({
          agencyCode,
          agencyName,
          level,
          parentCode,
          candidates,
        })),
    };
  }

  private async buildRound(
    caller: AuthenticatedUser,
    period: string,
    agencyCode: string,
  ): Promise<StarRoundDto> {
    const manager = this.dataSource.manager;
    const rules = await this.rulesFor(periodYear(period));
    const round = await this.stars.findRound(period, agencyCode);
    const { evaluation, candidates, voters } = await this.evaluate(
      manager,
      period,
      agencyCode,
      rules,
    );
    const staff = await this.stars.usersOf(agencyCode, ['staff']);
    const objections = await this.stars.listObjections(period, agencyCode);
    const rowOf = new Map(candidates.map((row) => [row.id, row]));
    const starRow = round?.starCandidateId ? rowOf.get(round.starCandidateId) : undefined;
    return {
      period,
      agencyCode,
      agencyName: await this.agencyName(agencyCode),
      status: round?.status ?? 'open',
      weights: rules.weights,
      cooldownMonths: rules.cooldownMonths,
      publicityDays: rules.publicityDays,
      staff: staff.map(({ username, name, post }) => ({ username, name, post })),
      staffCount: staff.length,
      voterCount: voters,
      votedByMe: await this.stars.hasVoted(period, agencyCode, caller.username),
      candidates: evaluation.candidates.map((evaluated) => {
        const row = rowOf.get(evaluated.id) as StarCandidateRow;
        const code: StarIneligibilityCode | null = evaluated.ineligibility?.code ?? null;
        const lastStarPeriod =
          evaluated.ineligibility?.code === 'cooldown' ? evaluated.ineligibility.starPeriod : null;
        return {
          id: row.id,
          staffUsername: row.staffUsername,
          name: row.name,
          post: row.post,
          reason: row.reason,
          evidence: row.evidence,
          nominatedAt: row.nominatedAt.toISOString(),
          scores: {
            work: row.work === null ? null : Number(row.work),
            peer: evaluated.scores.peer.toNumber(),
            leader: row.leader === null ? null : Number(row.leader),
            attendance: row.attendance === null ? null : Number(row.attendance),
          },
          votes: row.votes,
          total: evaluated.total ? evaluated.total.roundedNumber(2) : null,
          eligible: evaluated.eligible,
          ineligibleReason:
            code === 'withdrawn'
              ? 'Withdrawn after an upheld objection'
              : code === 'cooldown'
                ? `Star of ${lastStarPeriod}: nobody is star twice within ${rules.cooldownMonths} months`
                : null,
          ineligibleCode: code,
          lastStarPeriod,
        };
      }),
      star:
        round && starRow && round.selectedAt && round.publicityEndsAt
          ? {
              candidateId: starRow.id,
              staffUsername: starRow.staffUsername,
              name: starRow.name,
              post: starRow.post,
              total: Number(round.total),
              selectedAt: round.selectedAt.toISOString(),
              publicityEndsAt: round.publicityEndsAt.toISOString(),
              confirmedAt: round.confirmedAt?.toISOString() ?? null,
            }
          : null,
      objections: objections.map((objection) => ({
        id: objection.id,
        candidateId: objection.candidateId,
        reason: objection.reason,
        status: objection.status,
        filedAt: objection.filedAt.toISOString(),
        resolutionNote: objection.resolutionNote,
        resolvedAt: objection.resolvedAt?.toISOString() ?? null,
      })),
    };
  }

  private async evaluate(
    manager: EntityManager,
    period: string,
    agencyCode: string,
    rules: StarRules,
  ): Promise<{ evaluation: StarRoundEvaluation; candidates: StarCandidateRow[]; voters: number }> {
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

  private async rulesFor(year: number, manager?: EntityManager): Promise<StarRules> {
    return (
      (await this.stars.findRules(year, manager)) ?? {
        year,
        weights: { ...DEFAULT_STAR_WEIGHTS },
        cooldownMonths: DEFAULT_STAR_COOLDOWN_MONTHS,
        publicityDays: DEFAULT_PUBLICITY_DAYS,
      }
    );
  }

  private async candidateOrThrow(id: string): Promise<StarCandidateRow> {
    const candidate = await this.stars.findCandidate(id);
    if (!candidate) throw new NotFoundError(`Candidate ${id} does not exist`);
    return candidate;
  }

  private async lockRound(
    manager: EntityManager,
    period: string,
    agencyCode: string,
  ): Promise<StarRound> {
    const round = await this.stars.findRoundForUpdate(manager, period, agencyCode);
    if (!round) throw new NotFoundError(`No star selection for ${agencyCode} in ${period}`);
    return round;
  }

  private async agencyName(code: string): Promise<string> {
    return (await this.agencies.find(code))?.name ?? code;
  }
}

function assertOpen(round: StarRound): void {
  if (round.status !== 'open') {
    throw new ConflictError(`The star of ${round.period} is already selected (${round.status})`);
  }
}
