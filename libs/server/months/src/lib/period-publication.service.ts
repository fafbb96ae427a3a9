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
import { RectificationRaisingService } from './rectification-raising.service';

/** A month asked to be published is no longer locked (reopened, or published by someone else). */
export class PeriodNotLockedError extends Error {
  constructor(
    readonly period: string,
    readonly status: string,
  ) {
    super(`Period ${period} is ${status}: lock it before publishing`);
    this.name = 'PeriodNotLockedError';
  }
}

export interface PeriodPublication {
  period: string;
  status: 'published';
  version: number;
  /** True when this version was already published (a repeated run changes nothing). */
  skipped: boolean;
  resultRows: number;
}

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
  ) {}

  async publish(input: {
    period: string;
    version: number;
    actor: AuditActor;
    onProgress?: (percent: number) => Promise<void> | void;
  }): Promise<PeriodPublication> {
    const { period, version, actor } = input;
    const progress = input.onProgress ?? (() => undefined);
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
