import { Injectable } from '@nestjs/common';
import type { RankingsDto } from '@scorecard/contracts';
import { PeriodRepository, ResultRepository } from '@scorecard/server-database';
import { NotFoundError } from '../common/api.errors';
import { orderRankingRows, toRankingRow } from './ranking-row.mapper';
import type { RankingsQuery } from './rankings.query';

@Injectable()
export class RankingsService {
  constructor(
    private readonly periods: PeriodRepository,
    private readonly results: ResultRepository,
  ) {}

  /** Served from the stored results of the last computation, never recomputed per request. */
  async ranking(query: RankingsQuery): Promise<RankingsDto> {
    const month = await this.periods.find(query.period);
    if (!month) throw new NotFoundError(`Period ${query.period} does not exist`);
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
