import { Injectable, Logger } from '@nestjs/common';
import type { PutSubmissionResponse, SubmissionDto, SubmissionReviewDto } from '@scorecard/contracts';
import { isLate, periodYear } from '@scorecard/scoring';
import {
  AuditLogRepository,
  DERIVED_INDICATOR,
  PeriodRepository,
  ResultStaleRepository,
  SchemeRepository,
  SubmissionEntity,
  SubmissionRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import { ComputePeriodProducer } from '@scorecard/server-queue';
import { InvalidInputError, NotFoundError, PeriodNotOpenError, StaleVersionError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';
import { validateSubmissionValues } from './submission-values.validator';
import type { PutSubmissionDto } from './put-submission.dto';

@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger(SubmissionsService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLogRepository,
    private readonly periods: PeriodRepository,
    private readonly schemes: SchemeRepository,
    private readonly submissions: SubmissionRepository,
    private readonly stale: ResultStaleRepository,
    private readonly producer: ComputePeriodProducer,
    private readonly months: PeriodLookupService,
  ) {}

  async find(period: string, agencyCode: string): Promise<SubmissionDto> {
    const found = await this.submissions.find(period, agencyCode);
    if (!found) throw new NotFoundError('submission.notYet', { agencyCode, period });
    const { submission, values } = found;
    const sources = await this.submissions.findImportSources(period, agencyCode);
    return {
      period: submission.period,
      agencyCode: submission.agencyCode,
      version: submission.version,
      status: submission.status,
      late: submission.late,
      submittedAt: submission.submittedAt.toISOString(),
      submittedBy: submission.submittedBy,
      review: reviewOf(submission),
      values: Object.fromEntries(
        values.map((value) => [
          value.indicatorCode,
          { numerator: Number(value.numerator), denominator: Number(value.denominator) },
        ]),
      ),
      sources: sources.map((source) => ({
        ...source,
        uploadedAt: source.uploadedAt.toISOString(),
        indicators: source.kind === 'submissions' ? null : [DERIVED_INDICATOR[source.kind]],
      })),
    };
  }

  /**
   * Replaces an agency's figures for a month: all or nothing, in one transaction that holds the
   * month's row (so the state check and the computation cannot interleave with it); a stale
   * version is refused. The month's revision is bumped in the same transaction: the mark from
   * which the recomputation is queued, now or whenever Redis answers.
   */
  async put(
    user: AuthenticatedUser,
    period: string,
    agencyCode: string,
    body: PutSubmissionDto,
  ): Promise<PutSubmissionResponse> {
    const outcome = await this.transactions.run(async (manager) => {
      const month = await this.periods.findForUpdate(manager, period);
      // A month opens by itself once it has ended; until then it is as closed as a locked one.
      if (!month) throw new PeriodNotOpenError(period, 'unopened');
      // In a national tree, the agency's province part decides: other provinces keep writing.
      const status = await this.months.statusFor(manager, month, agencyCode);
      if (status !== 'open') throw new PeriodNotOpenError(period, status);

      const scheme = await this.schemes.findInForce(period, manager);
      if (!scheme) throw new NotFoundError('scheme.notFound', { year: String(periodYear(period)) });
      const { figures, errors } = validateSubmissionValues(body.values, scheme.indicators);
      if (errors.length > 0) throw new InvalidInputError(errors);

      const existing = await this.submissions.findRowForUpdate(manager, period, agencyCode);
      if (existing ? body.version !== existing.version : body.version !== undefined) {
        throw new StaleVersionError(existing?.version ?? null);
      }
      const before = existing ? await this.submissions.find(period, agencyCode, manager) : null;

      const now = new Date();
      const submission = Object.assign(existing ?? new SubmissionEntity(), {
        period,
        agencyCode,
        version: (existing?.version ?? 0) + 1,
        status: 'submitted' as const,
        late: isLate(now, month.dueDate),
        submittedAt: now,
        submittedBy: user.username,
      });
      await this.submissions.replace(manager, submission, figures);
      const revision = await this.periods.bumpRevision(manager, period);
      // Only this agency's results (and what they roll up into and rank against) are behind.
      await this.stale.markAgencies(manager, period, [agencyCode]);
      await this.audit.recordAction(
        manager,
        user,
        'submission.put',
        `submission/${period}/${agencyCode}`,
        before && { version: before.submission.version, values: figuresOf(before.values) },
        { version: submission.version, values: figuresOf(figures) },
      );
      return { version: submission.version, revision };
    });

    // The bumped revision committed with the figures is the "recompute needed" mark; queuing now
    // only saves the relay a turn, so the answer never waits on Redis.
    void this.producer
      .enqueue({ period, revision: outcome.revision })
      .catch((error: unknown) => this.logger.warn(`${period} waits for the queue to be recomputed: ${String(error)}`));
    return { version: outcome.version };
  }
}

/** The review as it stands: a correction sent after a return waits for a new decision. */
function reviewOf(submission: SubmissionEntity): SubmissionReviewDto {
  if (submission.status !== 'approved' && submission.status !== 'returned') {
    return { state: 'pending', reason: null, by: null, at: null };
  }
  return {
    state: submission.status,
    reason: submission.status === 'returned' ? submission.returnReason : null,
    by: submission.reviewedBy,
    at: submission.reviewedAt ? submission.reviewedAt.toISOString() : null,
  };
}

/** Figures keyed by indicator code, as exact decimal text, for the audit log. */
function figuresOf(values: { indicatorCode: string; numerator: string; denominator: string }[]) {
  return Object.fromEntries(
    values.map((value) => [value.indicatorCode, { numerator: value.numerator, denominator: value.denominator }]),
  );
}
