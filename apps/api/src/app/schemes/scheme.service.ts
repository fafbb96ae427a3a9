import { Injectable } from '@nestjs/common';
import type { SchemeDto, SchemePreviewDto, SchemeVersionDto } from '@scorecard/contracts';
import { type SchemeBody, schemeBodyProblems } from '@scorecard/scoring';
import {
  AuditLogRepository,
  PeriodRepository,
  SchemeRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import { MonthDueDateService } from '@scorecard/server-months';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import type { PutSchemeBody } from './scheme.dto';
import { toNewSchemeVersion, toSchemeDto, toSchemeVersionDto } from './scheme.mapper';
import { SchemePreviewService } from './scheme-preview.service';

/**
 * The province's scheme, edited as new versions of a year. A version saved is in force from its
 * month on: the months it governs that are still open are marked for recompute in the same
 * transaction (the relay queues them), their due dates re-decided; a month locked or published
 * refuses the change, as published history never changes.
 */
@Injectable()
export class SchemeService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly schemes: SchemeRepository,
    private readonly periods: PeriodRepository,
    private readonly monthDueDates: MonthDueDateService,
    private readonly audit: AuditLogRepository,
    private readonly previews: SchemePreviewService,
  ) {}

  async find(year: number, period?: string): Promise<SchemeDto> {
    if (period !== undefined && Number(period.slice(0, 4)) !== year) {
      throw new InvalidInputError([
        { field: 'period', key: 'scheme.periodOutsideYear', params: { period, year } },
      ]);
    }
    const scheme = period
      ? await this.schemes.findInForce(period)
      : await this.schemes.findForYear(year);
    if (!scheme) throw new NotFoundError('scheme.notFound', { year: String(year) });
    return toSchemeDto(scheme);
  }

  async versions(year: number): Promise<SchemeVersionDto[]> {
    return (await this.schemes.listVersions(year)).map(toSchemeVersionDto);
  }

  async put(caller: AuthenticatedUser, year: number, body: PutSchemeBody): Promise<SchemeDto> {
    this.check(year, body);
    return this.transactions.run(async (manager) => {
      const latest = await this.schemes.lockYear(manager, year);
      if (body.version !== undefined && latest > 0 && body.version !== latest) {
        throw new ConflictError('scheme.stale', { version: latest });
      }
      const governed = await this.schemes.monthsGovernedFrom(manager, year, body.effectiveFrom);
      const frozen = governed.find((month) => month.status !== 'open');
      if (frozen) {
        throw new ConflictError('scheme.monthFrozen', {
          period: frozen.period,
          status: { key: `status.${frozen.status}` },
          effectiveFrom: body.effectiveFrom,
        });
      }
      const before = await this.schemes.findForYear(year, manager);
      const version = await this.schemes.insertVersion(
        manager,
        toNewSchemeVersion(year, body, caller.username),
      );
      for (const month of governed) await this.periods.markForRecompute(manager, month.period);
      const moved = await this.monthDueDates.rederiveOpenMonths(manager);
      const saved = await this.schemes.findVersion(year, version, manager);
      if (!saved) throw new Error(`Scheme ${year} v${version} disappeared`);
      const after = toSchemeDto(saved);
      await this.audit.recordAction(
        manager,
        caller,
        'scheme.put',
        `scheme/${year}`,
        before ? toSchemeDto(before) : null,
        { ...after, recomputed: governed.map((month) => month.period), dueDatesMoved: moved },
      );
      return after;
    });
  }

  /** The draft applied to the last published month; nothing is written. */
  async preview(year: number, body: SchemeBody): Promise<SchemePreviewDto> {
    this.check(year, body);
    return this.previews.preview(body);
  }

  private check(year: number, body: SchemeBody): void {
    const problems = schemeBodyProblems(year, body);
    if (problems.length > 0) throw new InvalidInputError(problems);
  }
}
