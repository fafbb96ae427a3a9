import { Injectable } from '@nestjs/common';
import type { StarParticipationDto, StarWallEntryDto, StarWallPageDto } from '@scorecard/contracts';
import { type StarWallRow, StarWallRepository } from '@scorecard/server-database';
import { AgencyDirectory } from '../common/agency-directory.service';
import { NotFoundError } from '../common/api.errors';
import type { StarWallQuery } from './star.query';
import { StarRoundService } from './star-round.service';

/** The star wall, and which agencies have named a star for a month. */
@Injectable()
export class StarWallService {
  constructor(
    private readonly stars: StarWallRepository,
    private readonly rounds: StarRoundService,
    private readonly agencies: AgencyDirectory,
  ) {}

  /** The wall as a plain list (at most `limit`), or one page of it when `pageSize` is given. */
  async wall(query: StarWallQuery): Promise<StarWallEntryDto[] | StarWallPageDto> {
    const filter = await this.filterOf(query);
    if (query.pageSize === undefined) {
      const rows = await this.stars.wall({ ...filter, limit: query.limit ?? 500 });
      return rows.map(toStarWallEntry);
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize;
    const [rows, total] = await Promise.all([
      this.stars.wall({ ...filter, offset: (page - 1) * pageSize, limit: pageSize }),
      this.stars.countWall(filter),
    ]);
    return { rows: rows.map(toStarWallEntry), total, page, pageSize };
  }

  private async filterOf(query: StarWallQuery) {
    let agencyCodes: string[] | undefined;
    if (query.cityCode) {
      const city = await this.agencies.find(query.cityCode);
      if (!city) throw new NotFoundError('agency.notFound', { code: query.cityCode });
      agencyCodes = await this.agencies.subtree(query.cityCode);
    }
    if (query.agencyCode) {
      agencyCodes = (agencyCodes ?? [query.agencyCode]).filter((code) => code === query.agencyCode);
    }
    return {
      period: query.period,
      agencyCodes,
      level: query.level,
      staffUsername: query.staffUsername,
    };
  }

  async participation(period: string): Promise<StarParticipationDto> {
    await this.rounds.assertPeriodExists(period);
    const rows = await this.stars.participation(period);
    return {
      period,
      agencies: rows.length,
      named: rows.filter((row) => row.named).length,
      missing: rows
        .filter((row) => !row.named)
        .map(({ agencyCode, agencyName, level, parentCode, candidates }) => ({
          agencyCode,
          agencyName,
          level,
          parentCode,
          candidates,
        })),
    };
  }
}

function toStarWallEntry(row: StarWallRow): StarWallEntryDto {
  return {
    period: row.period,
    agencyCode: row.agencyCode,
    agencyName: row.agencyName,
    level: row.level,
    parentCode: row.parentCode,
    staffUsername: row.staffUsername,
    name: row.name,
    post: row.post,
    reason: row.reason,
    scores: {
      work: Number(row.work),
      peer: row.voters === 0 ? 0 : (100 * row.votes) / row.voters,
      leader: Number(row.leader),
      attendance: Number(row.attendance),
    },
    total: Number(row.total),
    status: row.status,
    publicityEndsAt: row.publicityEndsAt.toISOString(),
  };
}
