import { Injectable } from '@nestjs/common';
import type { AgencyLevel, HonouredAgencyDto, HonoursDto } from '@scorecard/contracts';
import { parseWindow } from '@scorecard/scoring';
import { StarWallRepository } from '@scorecard/server-database';
import { AgencyDirectory } from '../common/agency-directory.service';
import { WindowResultsService } from '../windows/window-results.service';

const HONOURED_LEVELS: AgencyLevel[] = ['city', 'county'];
/** Grades that earn a place on the honour roll (seed 003: 优秀…表彰). */
const HONOURED_GRADES = new Set(['excellent', 'good']);

/**
 * The year's honour roll (荣誉榜): the cities and counties graded 优秀 and 良好 on the year's
 * result (a ratio of sums over its published months, as `GET /rankings?period=YYYY` ranks them),
 * and the service stars confirmed in its months. Published data only: everyone may read it.
 */
@Injectable()
export class HonoursService {
  constructor(
    private readonly windows: WindowResultsService,
    private readonly agencies: AgencyDirectory,
    private readonly stars: StarWallRepository,
  ) {}

  async honours(year: number): Promise<HonoursDto> {
    const window = parseWindow(String(year));
    if (!window) throw new RangeError(`Not a year: ${year}`);
    const agencies: HonouredAgencyDto[] = [];
    let covers: HonoursDto['window'] | null = null;
    for (const level of HONOURED_LEVELS) {
      // 404 when none of the year's months is published.
      const result = await this.windows.of(window, level, 'aggregate');
      covers = result.window;
      const honoured = result.results
        .filter((entry) => entry.evaluation?.grade && HONOURED_GRADES.has(entry.evaluation.grade))
        .sort((a, b) => (a.rankInLevel ?? 0) - (b.rankInLevel ?? 0) || a.code.localeCompare(b.code));
      for (const entry of honoured) {
        const agency = await this.agencies.find(entry.code);
        if (!agency || !entry.evaluation?.composite || entry.rankInLevel === null) continue;
        agencies.push({
          agencyCode: agency.code,
          name: agency.name,
          level: agency.level,
          parentCode: agency.parentCode,
          score: entry.evaluation.composite.rounded,
          grade: entry.evaluation.grade as HonouredAgencyDto['grade'],
          rank: entry.rankInLevel,
        });
      }
    }
    const stars = await this.stars.wall({ periods: window.months, limit: 100_000 });
    return {
      year,
      window: covers ?? { kind: 'year', months: [], missing: window.months },
      agencies,
      stars: stars
        .filter((star) => star.status === 'confirmed')
        .sort((a, b) => a.period.localeCompare(b.period) || a.agencyCode.localeCompare(b.agencyCode))
        .map((star) => ({
          period: star.period,
          agencyCode: star.agencyCode,
          agencyName: star.agencyName,
          level: star.level,
          staffUsername: star.staffUsername,
          name: star.name,
          post: star.post,
          total: Number(star.total),
        })),
    };
  }
}
