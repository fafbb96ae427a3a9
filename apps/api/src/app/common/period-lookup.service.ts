import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PeriodStatus } from '@scorecard/contracts';
import {
  type PeriodEntity,
  type PeriodPart,
  PeriodPartRepository,
  PeriodRepository,
} from '@scorecard/server-database';
import { AgencyDirectory } from './agency-directory.service';
import { NotFoundError } from './api.errors';

/** A month with its provinces' parts (none in a province's own deployment), by province code. */
export type MonthWithParts = PeriodEntity & { parts: ReadonlyMap<string, PeriodPart> };

/** A month named in a request: it exists, or the answer is 404. */
@Injectable()
export class PeriodLookupService {
  constructor(
    private readonly periods: PeriodRepository,
    private readonly parts: PeriodPartRepository,
    private readonly agencies: AgencyDirectory,
  ) {}

  async existing(period: string, manager?: EntityManager): Promise<PeriodEntity> {
    return this.orNotFound(period, await this.periods.find(period, manager));
  }

  /** The month and its provinces' parts, for readers deciding draft or published per province. */
  async existingWithParts(period: string): Promise<MonthWithParts> {
    const month = await this.existing(period);
    const parts = (await this.agencies.isNational()) ? await this.parts.ofMonth(period) : [];
    return Object.assign(month, { parts: new Map(parts.map((part) => [part.province, part])) });
  }

  /**
   * The month as a reader inside a province sees it: its province's part (status, and the
   * month's cumulative published version once the part has been published). The nation's own
   * users, and every user of a province's own deployment, see the month itself.
   */
  async asSeenBy(month: MonthWithParts, caller: { agencyCode: string }): Promise<PeriodEntity> {
    if (month.parts.size === 0) return month;
    const province = (await this.agencies.provinces()).get(caller.agencyCode);
    const part = province === undefined ? undefined : month.parts.get(province);
    if (!part) return month;
    return {
      ...month,
      status: part.status,
      publishedVersion: part.publishedVersion > 0 ? month.publishedVersion : 0,
      publishedAt: part.publishedAt,
      lockedAt: part.lockedAt,
    };
  }

  /** The month as `caller` reads it (see asSeenBy). */
  async seenBy(period: string, caller: { agencyCode: string }): Promise<PeriodEntity> {
    return this.asSeenBy(await this.existingWithParts(period), caller);
  }

  /** The month, held for the rest of the caller's transaction. */
  async lock(manager: EntityManager, period: string): Promise<PeriodEntity> {
    return this.orNotFound(period, await this.periods.findForUpdate(manager, period));
  }

  /**
   * Whether figures of `agencyCode` may change in `month` (held by the caller): the status of its
   * province's part in a national tree, the month's own elsewhere.
   */
  async statusFor(
    manager: EntityManager,
    month: PeriodEntity,
    agencyCode: string,
  ): Promise<PeriodStatus> {
    return (await this.partFor(manager, month, agencyCode)).status;
  }

  /**
   * The part of `month` (held by the caller) that `agencyCode` belongs to: its status and when it
   * was published — its province's part in a national tree (the month's own until the province
   * acted alone), the month itself elsewhere. Appeal windows count from this publication.
   */
  async partFor(
    manager: EntityManager,
    month: PeriodEntity,
    agencyCode: string,
  ): Promise<Pick<PeriodEntity, 'status' | 'publishedAt'>> {
    const own = { status: month.status, publishedAt: month.publishedAt };
    if (!(await this.agencies.isNational())) return own;
    const province = (await this.agencies.provinces()).get(agencyCode);
    // The nation root is its own "province" without a part: stateOf answers the month's state.
    if (province === undefined) return own;
    return (await this.parts.stateOf(manager, month.period, province)) ?? own;
  }

  private orNotFound(period: string, month: PeriodEntity | null): PeriodEntity {
    if (!month) throw new NotFoundError('period.notFound', { period });
    return month;
  }
}
