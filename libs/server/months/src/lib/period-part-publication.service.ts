import { Injectable } from '@nestjs/common';
import { provincesOf, shiftPeriod } from '@scorecard/scoring';
import {
  type AuditActor,
  AgencyRepository,
  AuditLogRepository,
  PeriodLifecycleRepository,
  PeriodPartRepository,
  PeriodRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import type { EntityManager } from 'typeorm';
import { FeedbackNoticeService } from './feedback-notice.service';
import { PeriodComputationService, PeriodNotFoundError } from './period-computation.service';
import { PeriodNotLockedError, type PeriodPublication } from './period-publication.errors';
import { RectificationRaisingService } from './rectification-raising.service';

/**
 * Publications in a national tree, where each province runs its own part of a month.
 *
 * The month's published snapshot is kept cumulative: publishing province A's part writes the next
 * month-wide version with A's fresh results plus, for every other agency, its rows of the
 * previous version (the provinces published before). Every reader of "the month's published
 * version" (league tables, scorecards, feedback sheets, windows, bulletins, honours) thus keeps
 * working unchanged; whether a province's reader sees that version or the draft is decided by
 * its part's status (see PeriodLookupService in the API).
 *
 * National ranks are final only with the national publication: when the last part is published
 * (or the national admin forces it), the month is computed once more and every result is frozen
 * afresh in that version.
 */
@Injectable()
export class PeriodPartPublicationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly periods: PeriodRepository,
    private readonly parts: PeriodPartRepository,
    private readonly lifecycle: PeriodLifecycleRepository,
    private readonly agencies: AgencyRepository,
    private readonly computation: PeriodComputationService,
    private readonly audit: AuditLogRepository,
    private readonly rectifications: RectificationRaisingService,
    private readonly feedback: FeedbackNoticeService,
  ) {}

  /** Publishes `province`'s locked part; the national month too when it was the last one. */
  async publishPart(input: {
    period: string;
    province: string;
    version: number;
    actor: AuditActor;
    onProgress: (percent: number) => Promise<void> | void;
  }): Promise<PeriodPublication> {
    const { period, province, version, actor } = input;
    const before = await this.parts.find(period, province);
    if (before?.status === 'published' && before.publishedVersion >= version)
      return {
        period,
        status: 'published',
        version: before.publishedVersion,
        skipped: true,
        resultRows: 0,
      };
    if (before?.status !== 'locked')
      throw new PeriodNotLockedError(period, before?.status ?? 'open');
    await this.computation.compute(period, {
      onProgress: (percent) => input.onProgress(Math.round(percent * 0.8)),
    });
    const published = await this.transactions.run(async (manager) => {
      const month = await this.periods.findForUpdate(manager, period);
      if (!month) throw new PeriodNotFoundError(period);
      const part = await this.parts.find(period, province, manager);
      if (part?.status === 'published' && part.publishedVersion >= version)
        return {
          period,
          status: 'published' as const,
          version: part.publishedVersion,
          skipped: true,
          resultRows: 0,
        };
      if (part?.status !== 'locked') throw new PeriodNotLockedError(period, part?.status ?? 'open');
      const next = month.publishedVersion + 1;
      const others = (await this.parts.ofMonth(period, manager)).filter(
        (other) => other.province !== province,
      );
      const last = others.every((other) => other.status === 'published');
      const { rootCode, provinces, codesOf } = await this.provinceTree(manager);
      // The last part completes the national month: every result is frozen afresh, with its
      // national rank now final; otherwise only this province's results are.
      const rows = await this.parts.snapshotCumulative(manager, {
        period,
        version: next,
        previous: month.publishedVersion,
        provinces: last ? provinces : [province],
        agencies: last ? [rootCode] : [],
      });
      await this.parts.markPublished(manager, period, province, next);
      if (last) await this.lifecycle.markPublished(manager, period, next);
      else await this.parts.bumpPublishedVersion(manager, period, next);
      await this.followUp(manager, { period, version: next, actor, agencies: codesOf(province) });
      await this.lifecycle.recordEvent(manager, {
        period,
        action: 'publish',
        version: next,
        actor: actor.username,
        province,
      });
      if (last)
        await this.lifecycle.recordEvent(manager, {
          period,
          action: 'publish',
          version: next,
          actor: actor.username,
        });
      await this.audit.recordAction(
        manager,
        actor,
        'period.publish',
        `period/${period}/${province}`,
        { status: 'locked', publishedVersion: part.publishedVersion },
        {
          status: 'published',
          publishedVersion: next,
          resultRows: rows,
          ...(last ? { nation: 'published' } : {}),
        },
      );
      return {
        period,
        status: 'published' as const,
        version: next,
        skipped: false,
        resultRows: rows,
      };
    });
    await input.onProgress(100);
    return published;
  }

  /**
   * Publishes the national month although some provinces have not published their parts: the
   * national admin's decision, with its reason in the month's history and the audit log. The
   * provinces published so far are frozen afresh (their national ranks final); the others keep
   * what they last published, if anything.
   */
  async forceNational(input: {
    period: string;
    version: number;
    reason: string;
    actor: AuditActor;
    onProgress: (percent: number) => Promise<void> | void;
  }): Promise<PeriodPublication> {
    const { period, version, reason, actor } = input;
    const before = await this.periods.find(period);
    if (!before) throw new PeriodNotFoundError(period);
    if (before.status === 'published' && before.publishedVersion >= version)
      return {
        period,
        status: 'published',
        version: before.publishedVersion,
        skipped: true,
        resultRows: 0,
      };
    await this.computation.compute(period, {
      onProgress: (percent) => input.onProgress(Math.round(percent * 0.8)),
    });
    const published = await this.transactions.run(async (manager) => {
      const month = await this.periods.findForUpdate(manager, period);
      if (!month) throw new PeriodNotFoundError(period);
      if (month.status === 'published' && month.publishedVersion >= version)
        return {
          period,
          status: 'published' as const,
          version: month.publishedVersion,
          skipped: true,
          resultRows: 0,
        };
      await this.parts.materialize(manager, period);
      const parts = await this.parts.ofMonth(period, manager);
      const { rootCode } = await this.provinceTree(manager);
      const next = month.publishedVersion + 1;
      const rows = await this.parts.snapshotCumulative(manager, {
        period,
        version: next,
        previous: month.publishedVersion,
        provinces: parts.filter((part) => part.status === 'published').map((part) => part.province),
        agencies: [rootCode],
      });
      await this.lifecycle.markPublished(manager, period, next);
      await this.periods.markForRecompute(manager, shiftPeriod(period, 1));
      await this.lifecycle.recordEvent(manager, {
        period,
        action: 'force_publish',
        version: next,
        reason,
        actor: actor.username,
      });
      await this.audit.recordAction(
        manager,
        actor,
        'period.force_publish',
        `period/${period}`,
        { status: month.status, publishedVersion: month.publishedVersion },
        {
          status: 'published',
          publishedVersion: next,
          reason,
          resultRows: rows,
          unpublished: parts
            .filter((part) => part.status !== 'published')
            .map((part) => part.province),
        },
      );
      return {
        period,
        status: 'published' as const,
        version: next,
        skipped: false,
        resultRows: rows,
      };
    });
    await input.onProgress(100);
    return published;
  }

  /** The follow-ups of a publication concern only the published province's agencies. */
  private async followUp(
    manager: EntityManager,
    input: { period: string; version: number; actor: AuditActor; agencies: string[] },
  ): Promise<void> {
    const { period, version, actor, agencies } = input;
    await this.rectifications.raiseAtPublication(manager, {
      period,
      version,
      publishedAt: new Date(),
      actor,
      agencies,
    });
    await this.feedback.announce(manager, { period, version, agencies });
    await this.periods.markForRecompute(manager, shiftPeriod(period, 1));
  }

  private async provinceTree(manager: EntityManager) {
    const all = await this.agencies.findAll(manager);
    const root = all.find((agency) => agency.parentCode === null);
    const provinceOf = provincesOf(all);
    const provinces = all
      .filter((agency) => agency.level === 'province' && agency.parentCode === root?.code)
      .map((agency) => agency.code);
    return {
      rootCode: root?.code ?? '',
      provinces,
      codesOf: (province: string) =>
        all
          .filter((agency) => provinceOf.get(agency.code) === province)
          .map((agency) => agency.code),
    };
  }
}
