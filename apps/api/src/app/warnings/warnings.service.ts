import { Injectable } from '@nestjs/common';
import type { WarningDto } from '@scorecard/contracts';
import { warningsOf } from '@scorecard/scoring';
import {
  AuditLogRepository,
  DEFAULT_SCHEME_SETTINGS,
  SchemeRepository,
  TransactionRunner,
  WarningRepository,
} from '@scorecard/server-database';
import { AccessPolicy } from '../access/access-policy';
import { AgencyDirectory } from '../common/agency-directory.service';
import { ConflictError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';
import { FollowUpSteps } from '../follow-ups/follow-up-steps.service';
import type { RecordTalkDto } from './warning.dto';

/**
 * Warnings of a month in the caller's scope: the published standings up to it, read in one query,
 * judged by `warningsOf` with the thresholds in force; each with the talk recorded, if any.
 */
@Injectable()
export class WarningsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly warnings: WarningRepository,
    private readonly periods: PeriodLookupService,
    private readonly policy: AccessPolicy,
    private readonly agencies: AgencyDirectory,
    private readonly steps: FollowUpSteps,
    private readonly audit: AuditLogRepository,
    private readonly schemes: SchemeRepository,
  ) {}

  /** The warnings of the caller's scope, or of one agency in it (`agencyCode`). */
  async list(caller: AuthenticatedUser, period: string, agencyCode?: string): Promise<WarningDto[]> {
    const agencyCodes = await this.steps.listScope(caller, 'warning.read', agencyCode);
    const [standings, talks, thresholds] = await Promise.all([
      this.warnings.standings(period, agencyCodes),
      this.warnings.talks(period, agencyCodes),
      this.schemes.findInForce(period).then((scheme) => scheme?.warnings ?? DEFAULT_SCHEME_SETTINGS.warnings),
    ]);
    const talkOf = new Map(talks.map((talk) => [talk.agencyCode, talk]));
    const result: WarningDto[] = [];
    for (const warning of warningsOf(period, standings, thresholds)) {
      const talk = talkOf.get(warning.agencyCode);
      result.push({
        ...warning,
        agencyName: await this.agencies.nameOf(warning.agencyCode),
        talk: talk ? { heldOn: talk.heldOn, note: talk.note, by: talk.recordedBy } : null,
      });
    }
    return result;
  }

  async recordTalk(caller: AuthenticatedUser, body: RecordTalkDto): Promise<void> {
    await this.policy.assert(caller, 'warning.talk', body.agencyCode);
    await this.transactions.run(async (manager) => {
      const month = await this.periods.lock(manager, body.period);
      if (month.status !== 'published')
        throw new ConflictError('warning.monthNotPublished', { period: body.period });
      const before = await this.warnings.findTalk(manager, body.period, body.agencyCode);
      await this.warnings.recordTalk(manager, {
        period: body.period,
        agencyCode: body.agencyCode,
        heldOn: body.heldOn,
        note: body.note,
        by: caller.username,
      });
      await this.audit.recordAction(
        manager,
        caller,
        'warning.talk',
        `warning-talk/${body.period}/${body.agencyCode}`,
        before ? { heldOn: before.heldOn, note: before.note, by: before.recordedBy } : null,
        { heldOn: body.heldOn, note: body.note },
      );
    });
  }
}
