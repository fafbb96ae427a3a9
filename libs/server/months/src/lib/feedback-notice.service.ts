import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  type NotificationParams,
  NotificationRepository,
  RectificationRepository,
  ResultRepository,
  UserRepository,
} from '@scorecard/server-database';

/** The kind of the message a head gets when a month's results are published. */
export const FEEDBACK_PUBLISHED = 'feedback.published';

/**
 * Tells each city's and county's head, in the publication's transaction, that the month is out:
 * score, rank within its parent, and its rectification items of the month with the nearest
 * deadline; the message links to the agency's feedback sheet. One message per agency, head and
 * published version: a retried publication sends nothing twice, a republication sends anew.
 * A few queries and one insert, whatever the number of agencies.
 */
@Injectable()
export class FeedbackNoticeService {
  constructor(
    private readonly results: ResultRepository,
    private readonly rectifications: RectificationRepository,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
  ) {}

  /** Answers how many messages were sent now. */
  async announce(
    manager: EntityManager,
    /** `agencies`: only these (a province's part of a national month); every agency when absent. */
    input: { period: string; version: number; agencies?: readonly string[] },
  ): Promise<number> {
    const { period, version } = input;
    const only = input.agencies ? new Set(input.agencies) : null;
    const outstanding = await this.rectifications.outstandingOfMonth(manager, period);
    const heads = new Map<string, string[]>();
    for (const head of await this.users.activeInRoles(manager, ['agency_head']))
      heads.set(head.agencyCode, [...(heads.get(head.agencyCode) ?? []), head.username]);
    const messages: { recipient: string; params: NotificationParams; dedupeKey: string }[] = [];
    // The province itself has no rank among peers and no head: its centre publishes the month.
    for (const level of ['city', 'county'] as const) {
      const rows = await this.results.ranking(
        { period, level, scope: 'aggregate', version },
        manager,
      );
      for (const row of rows) {
        if (only !== null && !only.has(row.agencyCode)) continue;
        const items = outstanding.get(row.agencyCode);
        const params: NotificationParams = {
          period,
          version,
          agencyCode: row.agencyCode,
          agencyName: row.name,
          level,
          score: row.reported && row.score !== null ? Number(row.score) : null,
          rank: row.rankInParent,
          of: row.parentSize,
          count: items?.count ?? 0,
          ...(items ? { deadline: items.deadline } : {}),
        };
        for (const recipient of heads.get(row.agencyCode) ?? [])
          messages.push({
            recipient,
            params,
            dedupeKey: `${FEEDBACK_PUBLISHED}/${period}/v${version}/${row.agencyCode}/${recipient}`,
          });
      }
    }
    return this.notifications.notifyEach(manager, FEEDBACK_PUBLISHED, messages);
  }
}
