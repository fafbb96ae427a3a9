import { Injectable } from '@nestjs/common';
import { shiftPeriod } from '@scorecard/scoring';
import {
  type AuditActor,
  AuditLogRepository,
  PeriodLifecycleRepository,
  PeriodRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import { FeedbackNoticeService } from './feedback-notice.service';
import { PeriodComputationService, PeriodNotFoundError } from './period-computation.service';
import { PeriodPartPublicationService } from './period-part-publication.service';
import { PeriodNotLockedError, type PeriodPublication } from './period-publication.errors';
import { RectificationRaisingService } from './rectification-raising.service';

export { PeriodNotLockedError, type PeriodPublication } from './period-publication.errors';

/**
 * Publishes a locked month: computes its final results, then freezes them as the next published
 * version, with the month's history and audit entry, in one transaction on the month's row.
 * Heavy, so it runs as a job; idempotent, so a retried run publishes the version once.
 */
@Injectable()
export class PeriodPublicationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly periods: PeriodRepository,
    private readonly lifecycle: PeriodLifecycleRepository,
    private readonly computation: PeriodComputationService,
    private readonly audit: AuditLogRepository,
    private readonly rectifications: RectificationRaisingService,
    private readonly feedback: FeedbackNoticeService,
    private readonly parts: PeriodPartPublicationService,
  ) {}

  async publish(input: {
    period: string;
    version: number;
    actor: AuditActor;
    /** One province's part of a national month. */
    province?: string | null;
    /** The national admin's reason for publishing the national month before every part is. */
    forceReason?: string | null;
    onProgress?: (percent: number) => Promise<void> | void;
  }): Promise<PeriodPublication> {
    const { period, version, actor } = input;
    const progress = input.onProgress ?? (() => undefined);
    if (input.province) return this.parts.publishPart({ period, version, actor, province: input.province, onProgress: progress });
    if (input.forceReason)
      return this.parts.forceNational({ period, version, actor, reason: input.forceReason, onProgress: progress });
    const before = await this.periods.find(period);
    if (!before) throw new PeriodNotFoundError(period);
    if (before.status === 'published' && before.publishedVersion >= version)
      return { period, status: 'published', version: before.publishedVersion, skipped: true, resultRows: 0 };
    if (before.status !== 'locked') throw new PeriodNotLockedError(period, before.status);
    // Locked: no figure can change any more, so these results are the final ones.
    await this.computation.compute(period, { onProgress: (percent) => progress(Math.round(percent * 0.8)) });
    const published = await this.transactions.run(async (manager) => {
      const month = await this.periods.findForUpdate(manager, period);
      if (!month) throw new PeriodNotFoundError(period);
      if (month.status === 'published' && month.publishedVersion >= version)
        return { period, status: 'published' as const, version: month.publishedVersion, skipped: true, resultRows: 0 };
      if (month.status !== 'locked') throw new PeriodNotLockedError(period, month.status);
      const next = month.publishedVersion + 1;
      const rows = await this.lifecycle.snapshot(manager, period, next);
      await this.lifecycle.markPublished(manager, period, next);
      // Publishing starts the follow-up: failed results and indicators at their floor are to be rectified.
      await this.rectifications.raiseAtPublication(manager, { period, version: next, publishedAt: new Date(), actor });
      // Each head is told, with its score, rank and items, and pointed to its feedback sheet.
      await this.feedback.announce(manager, { period, version: next });
      // The next month's rank changes compare with this one as published: they are recomputed.
      await this.periods.markForRecompute(manager, shiftPeriod(period, 1));
      await this.lifecycle.recordEvent(manager, { period, action: 'publish', version: next, actor: actor.username });
      await this.audit.recordAction(
        manager,
        actor,
        'period.publish',
        `period/${period}`,
        { status: 'locked', publishedVersion: month.publishedVersion },
        { status: 'published', publishedVersion: next, resultRows: rows },
      );
      return { period, status: 'published' as const, version: next, skipped: false, resultRows: rows };
    });
    await progress(100);
    return published;
  }
}
