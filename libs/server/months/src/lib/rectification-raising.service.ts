import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  dayOf,
  periodYear,
  rectificationCauses,
  rectificationDeadline,
  workingCalendar,
} from '@scorecard/scoring';
import {
  type AuditActor,
  AgencyRepository,
  DEFAULT_SCHEME_SETTINGS,
  AuditLogRepository,
  NotificationRepository,
  RectificationRepository,
  SYSTEM_ACTOR,
  SchemeRepository,
  UserRepository,
  WorkingCalendarRepository,
} from '@scorecard/server-database';

/** Why an automatic item was withdrawn, as its verification note says. */
export const WITHDRAWN_NOTE = '重新发布后的结果不再需要整改（系统撤销）';

/** The rectification items a publication raises, and the deadline of any item raised on a day. */
@Injectable()
export class RectificationRaisingService {
  constructor(
    private readonly rectifications: RectificationRepository,
    private readonly calendar: WorkingCalendarRepository,
    private readonly agencies: AgencyRepository,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditLogRepository,
    private readonly schemes: SchemeRepository,
  ) {}

  /** The working days an agency has to rectify an item of `period`: the scheme in force that month says. */
  async rectifyWorkingDaysFor(manager: EntityManager, period: string): Promise<number> {
    const scheme = await this.schemes.findInForce(period, manager);
    return scheme?.rectifyWorkingDays ?? DEFAULT_SCHEME_SETTINGS.rectifyWorkingDays;
  }

  /** The deadline of an item of `period` raised on `raisedOn` (a Shanghai day), on the province calendar. */
  async deadlineOf(manager: EntityManager, period: string, raisedOn: string): Promise<string> {
    const workingDays = await this.rectifyWorkingDaysFor(manager, period);
    await this.calendar.hold(manager);
    // Ten working days from late December run into January: read both years.
    const year = periodYear(raisedOn);
    const days = await this.calendar.findYears(year, year + 1, manager);
    return rectificationDeadline({ raisedOn, workingDays, calendar: workingCalendar(days) });
  }

  /**
   * Raises, in the publication's transaction, an item for every agency of the published version
   * graded `fail` and every indicator at its floor. Items raised by an earlier version of the month
   * are kept (never duplicated); those whose cause is gone from this version and that are not
   * closed are withdrawn by the system (closed as `withdrawn`, audited), so that the record shows
   * what was asked and why it no longer is. Each raise and withdrawal is audited, and each agency
   * with new items gets a message to its head.
   */
  async raiseAtPublication(
    manager: EntityManager,
    input: {
      period: string;
      version: number;
      publishedAt: Date;
      actor: AuditActor;
      /** Only these agencies (a province's part of a national month); every agency when absent. */
      agencies?: readonly string[];
    },
  ): Promise<{ raised: number; withdrawn: number }> {
    const { period, version } = input;
    const only = input.agencies ? new Set(input.agencies) : null;
    const results = (await this.rectifications.publishedResults(manager, period, version)).filter(
      (result) => only === null || only.has(result.agencyCode),
    );
    const causes = results.flatMap((result) =>
      rectificationCauses({
        grade: result.grade,
        indicators: Object.entries(result.indicators).map(([code, value]) => ({
          code,
          score: value.score,
          denominator: value.denominator,
        })),
      }).map((indicatorCode) => ({
        agencyCode: result.agencyCode,
        indicatorCode,
        reason:
          indicatorCode === null
            ? `${period} 月度考核综合等级为不合格`
            : `${period} 指标 ${indicatorCode} 达到或低于底线值`,
      })),
    );
    const withdrawn = await this.rectifications.withdrawAutomatic(manager, {
      period,
      keep: causes,
      ...(input.agencies ? { agencies: input.agencies } : {}),
      note: WITHDRAWN_NOTE,
      by: SYSTEM_ACTOR.username,
    });
    await this.audit.recordActions(
      manager,
      SYSTEM_ACTOR,
      withdrawn.map((item) => ({
        action: 'rectification.withdraw',
        target: `rectification/${item.id}`,
        before: { status: item.before },
        after: { status: 'closed', closedAs: 'withdrawn', version },
      })),
    );
    const deadline = await this.deadlineOf(manager, period, dayOf(input.publishedAt));
    const raised = await this.rectifications.raiseAutomatic(manager, {
      period,
      causes,
      deadline,
      createdBy: SYSTEM_ACTOR.username,
    });
    // In bulk: a month raises items for dozens of agencies (thousands nationally).
    await this.audit.recordActions(
      manager,
      input.actor,
      raised.map((item) => ({
        action: item.reopened ? 'rectification.reopen' : 'rectification.raise',
        target: `rectification/${item.id}`,
        before: item.reopened ? { status: 'closed', closedAs: 'withdrawn' } : null,
        after: {
          period,
          agencyCode: item.agencyCode,
          indicatorCode: item.indicatorCode,
          source: 'auto',
          deadline,
          status: 'open',
          version,
        },
      })),
    );
    const names = new Map(
      (await this.agencies.findAll(manager)).map((agency) => [agency.code, agency.name]),
    );
    const counts = new Map<string, number>();
    for (const item of raised) counts.set(item.agencyCode, (counts.get(item.agencyCode) ?? 0) + 1);
    const heads = await this.users.activeOfAgencies(manager, [...counts.keys()], ['agency_head']);
    await this.notifications.notifyEach(
      manager,
      'rectification.raised',
      [...counts].flatMap(([agencyCode, count]) =>
        (heads.get(agencyCode) ?? []).map((recipient) => ({
          recipient,
          params: { period, agencyCode, agencyName: names.get(agencyCode), count, deadline },
          // One message per head and published version.
          dedupeKey: `rectification.raised/${period}/v${version}/${recipient}`,
        })),
      ),
    );
    return { raised: raised.length, withdrawn: withdrawn.length };
  }
}
