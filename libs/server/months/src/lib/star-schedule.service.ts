import { Injectable } from '@nestjs/common';
import { rolesWith } from '@scorecard/access';
import { periodOf, shiftPeriod } from '@scorecard/scoring';
import {
  AuditLogRepository,
  SYSTEM_ACTOR,
  NotificationRepository,
  PeriodRepository,
  StarRepository,
  TransactionRunner,
  UserRepository,
} from '@scorecard/server-database';

/** Roles that run an agency's star selection (the agency head; the admins for their own agency). */
export const STAR_MANAGER_ROLES = rolesWith('star.manage');

/** The calendar side of the service star (一月一星), run by scheduled jobs; every step is idempotent. */
@Injectable()
export class StarScheduleService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly periods: PeriodRepository,
    private readonly users: UserRepository,
    private readonly stars: StarRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  /**
   * Confirms every star whose publicity window has ended with no objection open; each confirmation
   * is its own transaction with one audit entry. Returns the agency-months confirmed now.
   */
  async confirmDue(now: Date): Promise<{ period: string; agencyCode: string }[]> {
    const confirmed: { period: string; agencyCode: string }[] = [];
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const due = await this.stars.findDueForConfirmation(manager, now, 50);
        for (const round of due) {
          await this.stars.confirm(manager, round.period, round.agencyCode, now);
          const star = round.starCandidateId
            ? await this.stars.findCandidate(round.starCandidateId, manager)
            : null;
          await this.audit.recordAction(
            manager,
            SYSTEM_ACTOR,
            'star.confirm',
            `star/${round.period}/${round.agencyCode}`,
            { status: 'publicizing', candidateId: round.starCandidateId },
            { status: 'confirmed', candidateId: round.starCandidateId },
          );
          if (star) {
            await this.notifications.notify(manager, {
              recipients: [star.staffUsername],
              kind: 'star.confirmed',
              params: { period: round.period, agencyCode: round.agencyCode, name: star.name },
              dedupeKey: (username) =>
                `star.confirmed/${round.period}/${round.agencyCode}/${star.id}/${username}`,
            });
          }
        }
        return due.map((round) => ({ period: round.period, agencyCode: round.agencyCode }));
      });
      confirmed.push(...batch);
      if (batch.length < 50) return confirmed;
    }
  }

  /**
   * Tells every agency's head that nominations for the month that has just ended are open (the
   * month must exist). Once per person and month. Returns the month and how many were told now.
   */
  async announceNominations(now: Date): Promise<{ period: string; notified: number } | null> {
    const period = shiftPeriod(periodOf(now), -1);
    return this.transactions.run(async (manager) => {
      if (!(await this.periods.find(period, manager))) return null;
      const managers = await this.users.activeInRoles(manager, STAR_MANAGER_ROLES);
      let notified = 0;
      for (const recipient of managers) {
        notified += await this.notifications.notify(manager, {
          recipients: [recipient.username],
          kind: 'star.nomination_opened',
          params: { period, agencyCode: recipient.agencyCode, agencyName: recipient.agencyName },
          dedupeKey: (username) => `star.nomination_opened/${period}/${username}`,
        });
      }
      if (notified > 0) {
        await this.audit.recordAction(
          manager,
          SYSTEM_ACTOR,
          'star.nominations_open',
          `star/${period}`,
          null,
          { period, notified },
        );
      }
      return { period, notified };
    });
  }
}
