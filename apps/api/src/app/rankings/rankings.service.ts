import { Injectable } from '@nestjs/common';
import { visibleResults } from '@scorecard/access';
import type { RankingsDto } from '@scorecard/contracts';
import { periodYear } from '@scorecard/scoring';
import { ResultRepository, SchemeRepository } from '@scorecard/server-database';
import { toIndicatorDto } from '../indicators/indicator.mapper';
import { buildRankingWorkbook } from './ranking-workbook';
import { AccessPolicy } from '../access/access-policy';
import { NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { PeriodLookupService } from '../common/period-lookup.service';
import { orderRankingRows, toRankingRow } from './ranking-row.mapper';
import type { RankingsQuery } from './rankings.query';

@Injectable()
export class RankingsService {
  constructor(
    private readonly months: PeriodLookupService,
    private readonly results: ResultRepository,
    private readonly policy: AccessPolicy,
    private readonly schemes: SchemeRepository,
  ) {}

  /** Served from the stored results of the last computation, never recomputed per request. */
  async ranking(caller: AuthenticatedUser, query: RankingsQuery): Promise<RankingsDto> {
    const month = await this.months.existing(query.period);
    const visible = visibleResults(caller, month, query.version);
    if (!visible) throw new NotFoundError(`Period ${query.period} has no published version ${query.version}`);
    if (visible.kind === 'none') await this.policy.assertRole(caller, 'results.read_draft');
    const version = visible.kind === 'published' ? visible.version : undefined;
    const level = query.level ?? 'city';
    const scope = query.scope ?? 'aggregate';
    const records = await this.results.ranking({ period: query.period, level, scope, parent: query.parent, version });
    return {
      period: month.period,
      status: month.status,
      level,
      parent: query.parent ?? null,
      scope,
      version: version ?? null,
      computedAt: month.computedAt ? month.computedAt.toISOString() : null,
      stale: version === undefined && (month.computedRevision === null || month.computedRevision < month.dataRevision),
      rows: orderRankingRows(records.map((record) => toRankingRow(record, query.parent !== undefined))),
    };
  }

  async exportWorkbook(caller: AuthenticatedUser, query: RankingsQuery): Promise<{ fileName: string; content: Buffer }> {
    const ranking = await this.ranking(caller, query);
    const scheme = await this.schemes.findForYear(periodYear(query.period));
    const indicators = (scheme?.indicators ?? []).map(toIndicatorDto);
    const levelName = ranking.level === 'city' ? '地市' : ranking.level === 'county' ? '区县' : '省级';
    return {
      fileName: `医保经办机构对标评价-${query.period}-${levelName}.xlsx`,
      content: await buildRankingWorkbook(ranking, indicators),
    };
  }
}
