import { Injectable } from '@nestjs/common';
import type { RankingsDto } from '@scorecard/contracts';
import { PeriodRepository, ResultRepository } from '@scorecard/server-database';
import { AccessPolicy } from '../access/access-policy';
import { NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { orderRankingRows, toRankingRow } from './ranking-row.mapper';
import type { RankingsQuery } from './rankings.query';

@Injectable()
export class RankingsService {
  constructor(
    private readonly periods: PeriodRepository,
    private readonly results: ResultRepository,
    private readonly policy: AccessPolicy,
  ) {}

  /** Served from the stored results of the last computation, never recomputed per request. */
  async ranking(caller: AuthenticatedUser, query: RankingsQuery): Promise<RankingsDto> {
    const month = await this.periods.find(query.period);
    if (!month) throw new NotFoundError(`Period ${query.period} does not exist`);
    // Draft (unpublished) results are for the province only.
    if (month.status !== 'published') await this.policy.assertRole(caller, 'results.read_draft');
    const level = query.level ?? 'city';
    const scope = query.scope ?? 'aggregate';
    const records = await this.results.ranking({ period: query.period, level, scope, parent: query.parent });
    return {
      period: month.period,
      status: month.status,
      level,
      parent: query.parent ?? null,
      scope,
      computedAt: month.computedAt ? month.computedAt.toISOString() : null,
      stale: month.computedRevision === null || month.computedRevision < month.dataRevision,
      rows: orderRankingRows(records.map((record) => toRankingRow(record, query.parent !== undefined))),
    };
  }
}
