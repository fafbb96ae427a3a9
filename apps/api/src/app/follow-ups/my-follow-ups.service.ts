import { Injectable } from '@nestjs/common';
import { followUpsToAnswer } from '@scorecard/access';
import type { FollowUpDto } from '@scorecard/contracts';
import {
  AppealRepository,
  BadReviewRepository,
  RectificationRepository,
} from '@scorecard/server-database';
import { AgencyDirectory } from '../common/agency-directory.service';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { FollowUpSteps } from './follow-up-steps.service';

/**
 * What waits on the caller's agency (需要您处理), in one list by deadline: the rectification items
 * to answer, the bad-review cases to handle and its appeals still pending. One query per kind.
 */
@Injectable()
export class MyFollowUpsService {
  constructor(
    private readonly rectifications: RectificationRepository,
    private readonly badReviews: BadReviewRepository,
    private readonly appeals: AppealRepository,
    private readonly agencies: AgencyDirectory,
    private readonly steps: FollowUpSteps,
  ) {}

  async mine(caller: AuthenticatedUser): Promise<FollowUpDto[]> {
    const scope = followUpsToAnswer(await this.agencies.tree(), caller);
    const [items, cases, appeals] = await Promise.all([
      scope.rectification.length ? this.rectifications.awaitingAnswer(scope.rectification) : [],
      scope.badReview.length ? this.badReviews.awaitingAnswer(scope.badReview) : [],
      scope.appeal.length ? this.appeals.pending(scope.appeal) : [],
    ]);
    const daysLeft = await this.steps.daysLeftOf(
      [...items, ...cases, ...appeals].map((row) => row.deadline),
    );
    const entry = (
      kind: FollowUpDto['kind'],
      row: { id: string; period: string; agencyCode: string; deadline: string },
      more: Pick<FollowUpDto, 'indicatorCode' | 'summary' | 'status'>,
      // An appeal waits on the province's ruling: no time of the agency's own runs.
      running = true,
    ): FollowUpDto => ({
      kind,
      id: row.id,
      period: row.period,
      agencyCode: row.agencyCode,
      ...more,
      deadline: row.deadline,
      workingDaysLeft: running ? daysLeft(row.deadline) : null,
    });
    const all = [
      ...items.map((row) =>
        entry('rectification', row, {
          indicatorCode: row.indicatorCode,
          summary: row.reason,
          status: row.overdue ? 'overdue' : row.status,
        }),
      ),
      ...cases.map((row) =>
        entry('badReview', row, {
          indicatorCode: null,
          summary: row.serviceItem ?? row.comment ?? '',
          status: row.overdue ? 'overdue' : row.status,
        }),
      ),
      ...appeals.map((row) =>
        entry(
          'appeal',
          row,
          { indicatorCode: row.indicatorCode, summary: row.reason, status: row.status },
          false,
        ),
      ),
    ];
    const order = { rectification: 0, badReview: 1, appeal: 2 };
    return all.sort(
      (a, b) =>
        a.deadline.localeCompare(b.deadline) ||
        order[a.kind] - order[b.kind] ||
        Number(a.id) - Number(b.id),
    );
  }
}
