import { Injectable } from '@nestjs/common';
import { provinceToRead } from '@scorecard/access';
import type { AgencyLevel, HonouredAgencyDto, HonoursDto } from '@scorecard/contracts';
import { parseWindow } from '@scorecard/scoring';
import { StarWallRepository } from '@scorecard/server-database';
import { AgencyDirectory } from '../common/agency-directory.service';
import { InvalidInputError, OutOfScopeError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { WindowResultsService } from '../windows/window-results.service';

/** Grades that earn a place on the honour roll (seed 003: 优秀…表彰). */
const HONOURED_GRADES = new Set(['excellent', 'good']);

/** Whose honour roll is answered: which levels, ranked how, among which agencies. */
interface Roll {
  /** One province of a national tree; null for a province's own tree and the provinces compared. */
  province: string | null;
  levels: AgencyLevel[];
  rank: 'rankInLevel' | 'rankInNation';
  /** The agencies listed and whose stars count; null: every agency of the tree. */
  within: ReadonlySet<string> | null;
}

/**
 * The year's honour roll (荣誉榜): the cities and counties graded 优秀 and 良好 on the year's
 * result (a ratio of sums over its published months, as `GET /rankings?period=YYYY` ranks them),
 * and the service stars confirmed in its months. Published data only: everyone may read it — in a
 * national tree, that of their own province (`@scorecard/access` decides which).
 */
@Injectable()
export class HonoursService {
  constructor(
    private readonly windows: WindowResultsService,
    private readonly agencies: AgencyDirectory,
    private readonly stars: StarWallRepository,
  ) {}

  async honours(caller: AuthenticatedUser, year: number, named?: string): Promise<HonoursDto> {
    const window = parseWindow(String(year));
    if (!window) throw new RangeError(`Not a year: ${year}`);
    const roll = await this.rollOf(caller, named);
    const agencies: HonouredAgencyDto[] = [];
    let covers: HonoursDto['window'] | null = null;
    for (const level of roll.levels) {
      // 404 when none of the year's months is published (for the province, its parts).
      const result = await this.windows.of(window, level, 'aggregate', roll.province ?? undefined);
      covers = result.window;
      const honoured = result.results
        .filter(
          (entry) =>
            (roll.within === null || roll.within.has(entry.code)) &&
            entry.evaluation?.grade &&
            HONOURED_GRADES.has(entry.evaluation.grade),
        )
        .sort((a, b) => (a[roll.rank] ?? 0) - (b[roll.rank] ?? 0) || a.code.localeCompare(b.code));
      for (const entry of honoured) {
        const agency = await this.agencies.find(entry.code);
        const rank = entry[roll.rank];
        if (!agency || !entry.evaluation?.composite || rank === null) continue;
        agencies.push({
          agencyCode: agency.code,
          name: agency.name,
          level: agency.level,
          parentCode: agency.parentCode,
          score: entry.evaluation.composite.rounded,
          grade: entry.evaluation.grade as HonouredAgencyDto['grade'],
          rank,
        });
      }
    }
    const stars = await this.stars.wall({
      periods: window.months,
      ...(roll.within === null ? {} : { agencyCodes: [...roll.within] }),
      limit: 100_000,
    });
    return {
      year,
      ...(roll.province === null ? {} : { province: roll.province }),
      window: covers ?? { kind: 'year', months: [], missing: window.months },
      agencies,
      stars: stars
        .filter((star) => star.status === 'confirmed')
        .sort(
          (a, b) => a.period.localeCompare(b.period) || a.agencyCode.localeCompare(b.agencyCode),
        )
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

  /**
   * A province's roll lists its cities and counties ranked within the province; the national
   * admin naming no province gets the provinces graded 优秀 and 良好, ranked among the provinces,
   * with the stars of the national and provincial centres themselves.
   */
  private async rollOf(caller: AuthenticatedUser, named: string | undefined): Promise<Roll> {
    const tree = await this.agencies.tree();
    const target = provinceToRead(caller, tree, named);
    switch (target.kind) {
      case 'tree':
        return { province: null, levels: ['city', 'county'], rank: 'rankInLevel', within: null };
      case 'province':
        return {
          province: target.province,
          levels: ['city', 'county'],
          rank: 'rankInLevel',
          within: new Set(await this.agencies.subtree(target.province)),
        };
      case 'nation':
        return {
          province: null,
          levels: ['province'],
          rank: 'rankInNation',
          within: new Set(
            (await this.agencies.all())
              .filter((agency) => agency.level === 'nation' || agency.level === 'province')
              .map((agency) => agency.code),
          ),
        };
      case 'denied':
        throw new OutOfScopeError('honours.otherProvince', { province: target.province });
      case 'unknown':
        throw new InvalidInputError([
          { field: 'province', key: 'field.notProvince', params: { province: named ?? '' } },
        ]);
    }
  }
}
