import { Injectable } from '@nestjs/common';
import type { BadReviewDto, BadReviewPageDto } from '@scorecard/contracts';
import { type BadReviewRow, BadReviewRepository } from '@scorecard/server-database';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import {
  type FollowUpKind,
  type FollowUpStep,
  FollowUpSteps,
} from '../follow-ups/follow-up-steps.service';
import type {
  AppealBadReviewDto,
  BadReviewListQuery,
  ResolveBadReviewDto,
  RuleBadReviewDto,
  VerifyBadReviewDto,
} from './bad-review.dto';

/**
 * Bad reviews (差评): the head of the agency verifies (核实) its cases and resolves them as
 * rectified or explained, or appeals one as mistaken or malicious; the province rules on the
 * appeal. Every transition is audited with before and after.
 */
@Injectable()
export class BadReviewsService {
  constructor(
    private readonly badReviews: BadReviewRepository,
    private readonly steps: FollowUpSteps,
  ) {}

  /** The cases of the caller's scope (or of one agency in it), nearest deadline first, a page at a time. */
  async list(caller: AuthenticatedUser, query: BadReviewListQuery): Promise<BadReviewPageDto> {
    const agencyCodes = await this.steps.listScope(caller, 'badReview.read', query.agencyCode);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { rows, total } = await this.badReviews.list({
      agencyCodes,
      period: query.period,
      status: query.status,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const counts = { open: 0, overdue: 0 };
    for (const count of (await this.badReviews.countsByAgency(agencyCodes)).values()) {
      counts.open += count.open;
      counts.overdue += count.overdue;
    }
    return { items: await this.present(rows), total, page, pageSize, counts };
  }

  verify(caller: AuthenticatedUser, id: string, body: VerifyBadReviewDto): Promise<BadReviewDto> {
    return this.step(caller, id, {
      version: body.version,
      permission: 'badReview.handle',
      from: ['open'],
      refusal: 'badReview.notOpen',
      action: 'badReview.verify',
      write: (manager, { version }) =>
        this.badReviews.verify(manager, id, { note: body.note, by: caller.username, version }),
      after: () => ({ status: 'verified', note: body.note }),
    });
  }

  resolve(caller: AuthenticatedUser, id: string, body: ResolveBadReviewDto): Promise<BadReviewDto> {
    return this.step(caller, id, {
      version: body.version,
      permission: 'badReview.handle',
      from: ['verified'],
      refusal: 'badReview.notVerified',
      action: 'badReview.resolve',
      write: (manager, { version }) =>
        this.badReviews.resolve(manager, id, {
          outcome: body.outcome,
          note: body.note,
          by: caller.username,
          version,
        }),
      after: () => ({ status: 'closed', outcome: body.outcome, note: body.note }),
    });
  }

  appeal(caller: AuthenticatedUser, id: string, body: AppealBadReviewDto): Promise<BadReviewDto> {
    return this.step(caller, id, {
      version: body.version,
      permission: 'badReview.handle',
      from: ['open', 'verified'],
      refusal: 'badReview.notAppealable',
      action: 'badReview.appeal',
      write: (manager, { version }) =>
        this.badReviews.appeal(manager, id, { reason: body.reason, by: caller.username, version }),
      after: () => ({ status: 'appealed', reason: body.reason }),
    });
  }

  rule(caller: AuthenticatedUser, id: string, body: RuleBadReviewDto): Promise<BadReviewDto> {
    return this.step(caller, id, {
      version: body.version,
      permission: 'badReview.rule',
      from: ['appealed'],
      refusal: 'badReview.notAppealed',
      action: body.void ? 'badReview.void' : 'badReview.dismiss_appeal',
      write: (manager, { version }) =>
        this.badReviews.rule(manager, id, {
          void: body.void,
          note: body.note,
          by: caller.username,
          version,
        }),
      after: (item) => ({
        status: body.void ? 'voided' : item.previousStatus,
        void: body.void,
        note: body.note,
      }),
    });
  }

  /** Takes one step of the case (scope, version, state, write and audit in one transaction). */
  private async step(
    caller: AuthenticatedUser,
    id: string,
    step: FollowUpStep<BadReviewRow>,
  ): Promise<BadReviewDto> {
    await this.steps.take(caller, this.kind, id, step);
    const [dto] = await this.present([(await this.badReviews.find(id)) as BadReviewRow]);
    return dto;
  }

  private readonly kind: FollowUpKind<BadReviewRow> = {
    target: 'bad-review',
    find: (id) => this.badReviews.find(id),
    findForUpdate: (manager, id) => this.badReviews.findForUpdate(manager, id),
    notFound: 'badReview.notFound',
    stale: 'badReview.stale',
  };

  private present(rows: BadReviewRow[]): Promise<BadReviewDto[]> {
    return this.steps.present(rows, (row) => ({
      ratingId: row.ratingId,
      ratedAt: row.ratedAt.toISOString(),
      channel: row.channel,
      level: row.level,
      serviceItem: row.serviceItem,
      comment: row.comment,
      outcome: row.outcome,
      voidedAs: row.voidedAs,
      verifyNote: row.verifyNote,
      resolveNote: row.resolveNote,
      appealReason: row.appealReason,
      rulingNote: row.rulingNote,
      version: row.version,
    }));
  }
}
