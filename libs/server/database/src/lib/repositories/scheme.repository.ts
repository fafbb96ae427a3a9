import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GRADE_BANDS } from '@scorecard/scoring';
import {
  IndicatorSchemeEntity,
  SchemeIndicatorEntity,
  SchemeVersionEntity,
  type StoredGradeBand,
} from '../entities';

/** One indicator of a scheme as it is written in. */
export type SchemeIndicatorInput = Omit<SchemeIndicatorEntity, 'year' | 'version' | 'sortOrder'>;

/** What a version sets besides its indicators. */
export interface SchemeSettings {
  dueDay: number;
  dueOnWorkingDay: boolean;
  rectifyWorkingDays: number;
  appealWorkingDays: number;
  badReviewWorkingDays: number;
  warnings: {
    failMonths: number;
    lastMonths: number;
    belowFloorMonths: number;
    improvingMonths: number;
  };
  grades: StoredGradeBand[];
}

/** One version of a year's scheme with its indicators in order. */
export interface Scheme extends SchemeSettings {
  year: number;
  version: number;
  effectiveFrom: string;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
  indicators: SchemeIndicatorEntity[];
}

/** A new version as the province writes it. */
export interface NewSchemeVersion extends SchemeSettings {
  year: number;
  effectiveFrom: string;
  reason: string;
  createdBy: string | null;
  indicators: readonly SchemeIndicatorInput[];
}

/** The default version 1 settings of a year written without an editor (init, the demo). */
export const DEFAULT_SCHEME_SETTINGS: Readonly<Omit<SchemeSettings, 'dueDay'>> = Object.freeze<
  Omit<SchemeSettings, 'dueDay'>
>({
  dueOnWorkingDay: false,
  rectifyWorkingDays: 10,
  appealWorkingDays: 3,
  badReviewWorkingDays: 15,
  warnings: { failMonths: 2, lastMonths: 2, belowFloorMonths: 3, improvingMonths: 3 },
  // The default five bands are scoring's (≥ 90 优秀 … ≥ 0 不合格), labelled in Chinese as the province writes them.
  grades: GRADE_BANDS.map((band) => ({ code: band.grade, label: band.labelZh, min: band.min })),
});

/**
 * The version in force for a month: the latest version of the month's year in force from that month
 * or earlier; when the year has none, the latest version of the latest earlier year (a new year
 * keeps last year's scheme until the province edits it). `schemes` may be in any order.
 */
export function pickSchemeInForce<
  T extends { year: number; version: number; effectiveFrom: string },
>(schemes: readonly T[], period: string): T | null {
  const year = Number(period.slice(0, 4));
  let best: T | null = null;
  for (const scheme of schemes) {
    const applies = scheme.year < year || (scheme.year === year && scheme.effectiveFrom <= period);
    if (!applies) continue;
    if (
      !best ||
      scheme.year > best.year ||
      (scheme.year === best.year && scheme.version > best.version)
    ) {
      best = scheme;
    }
  }
  return best;
}

@Injectable()
export class SchemeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The version in force for a month (YYYY-MM): what computes, validates and dates that month. */
  async findInForce(
    period: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Scheme | null> {
    return pickSchemeInForce(await this.findAll(manager), period);
  }

  /**
   * A year's latest version, or else the latest earlier year's: the version in force in December,
   * as every version of a year is in force from one of its months.
   */
  async findForYear(
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Scheme | null> {
    return this.findInForce(`${year}-12`, manager);
  }

  /** One version of a year's own scheme. */
  async findVersion(
    year: number,
    version: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Scheme | null> {
    return (
      (await this.findAll(manager)).find((s) => s.year === year && s.version === version) ?? null
    );
  }

  /** A year's own versions, oldest first. */
  async listVersions(
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SchemeVersionEntity[]> {
    return manager
      .getRepository(SchemeVersionEntity)
      .find({ where: { year }, order: { version: 'ASC' } });
  }

  /** Every version of every year, oldest first: an import checks each row against its month's. */
  async findAll(manager: EntityManager = this.dataSource.manager): Promise<Scheme[]> {
    const versions = await manager
      .getRepository(SchemeVersionEntity)
      .find({ order: { year: 'ASC', version: 'ASC' } });
    const indicators = await manager
      .getRepository(SchemeIndicatorEntity)
      .find({ order: { year: 'ASC', version: 'ASC', sortOrder: 'ASC' } });
    return versions.map((version) => ({
      year: version.year,
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      reason: version.reason,
      createdBy: version.createdBy,
      createdAt: version.createdAt,
      dueDay: version.dueDay,
      dueOnWorkingDay: version.dueOnWorkingDay,
      rectifyWorkingDays: version.rectifyWorkingDays,
      appealWorkingDays: version.appealWorkingDays,
      badReviewWorkingDays: version.badReviewWorkingDays,
      warnings: {
        failMonths: version.warnFailMonths,
        lastMonths: version.warnLastMonths,
        belowFloorMonths: version.warnBelowFloorMonths,
        improvingMonths: version.warnImprovingMonths,
      },
      grades: version.grades,
      indicators: indicators.filter(
        (indicator) => indicator.year === version.year && indicator.version === version.version,
      ),
    }));
  }

  /**
   * Takes the year's row lock (creating the year, with the star rules it inherited, if it had no
   * scheme of its own) so two edits of one year queue; answers the year's latest own version number
   * (0 when none).
   */
  async lockYear(manager: EntityManager, year: number): Promise<number> {
    await manager.query(
      `INSERT INTO indicator_scheme (year, star_weight_work, star_weight_peer, star_weight_leader,
         star_weight_attendance, star_cooldown_months, star_publicity_days)
       SELECT $1, star_weight_work, star_weight_peer, star_weight_leader, star_weight_attendance,
              star_cooldown_months, star_publicity_days
         FROM (SELECT * FROM indicator_scheme WHERE year < $1 ORDER BY year DESC LIMIT 1) AS inherited
       ON CONFLICT (year) DO NOTHING`,
      [year],
    );
    await manager.query(
      `INSERT INTO indicator_scheme (year) VALUES ($1) ON CONFLICT (year) DO NOTHING`,
      [year],
    );
    await manager.query('SELECT year FROM indicator_scheme WHERE year = $1 FOR UPDATE', [year]);
    const rows: { latest: number | null }[] = await manager.query(
      'SELECT max(version) AS latest FROM scheme_version WHERE year = $1',
      [year],
    );
    return rows[0]?.latest ?? 0;
  }

  /** Writes the next version of a year (the caller holds {@link lockYear}); answers its number. */
  async insertVersion(manager: EntityManager, input: NewSchemeVersion): Promise<number> {
    const rows: { latest: number | null }[] = await manager.query(
      'SELECT max(version) AS latest FROM scheme_version WHERE year = $1',
      [input.year],
    );
    const version = (rows[0]?.latest ?? 0) + 1;
    await manager.getRepository(SchemeVersionEntity).insert({
      year: input.year,
      version,
      effectiveFrom: input.effectiveFrom,
      reason: input.reason,
      createdBy: input.createdBy,
      dueDay: input.dueDay,
      dueOnWorkingDay: input.dueOnWorkingDay,
      rectifyWorkingDays: input.rectifyWorkingDays,
      appealWorkingDays: input.appealWorkingDays,
      badReviewWorkingDays: input.badReviewWorkingDays,
      warnFailMonths: input.warnings.failMonths,
      warnLastMonths: input.warnings.lastMonths,
      warnBelowFloorMonths: input.warnings.belowFloorMonths,
      warnImprovingMonths: input.warnings.improvingMonths,
      grades: input.grades,
    });
    if (input.indicators.length > 0) {
      await manager.getRepository(SchemeIndicatorEntity).insert(
        input.indicators.map((indicator, index) => ({
          ...indicator,
          year: input.year,
          version,
          sortOrder: index + 1,
        })),
      );
    }
    return version;
  }

  /** Writes a year's first version, in force from January, with the default settings. */
  async insertYear(
    manager: EntityManager,
    year: number,
    dueDay: number,
    indicators: readonly SchemeIndicatorInput[],
  ): Promise<void> {
    await manager.getRepository(IndicatorSchemeEntity).insert({ year });
    await this.insertVersion(manager, {
      ...DEFAULT_SCHEME_SETTINGS,
      warnings: { ...DEFAULT_SCHEME_SETTINGS.warnings },
      grades: DEFAULT_SCHEME_SETTINGS.grades.map((band) => ({ ...band })),
      year,
      dueDay,
      effectiveFrom: `${year}-01`,
      reason: '初始方案',
      createdBy: null,
      indicators,
    });
  }

  /**
   * The months a version of `year` in force from `effectiveFrom` would govern: that year's from
   * `effectiveFrom` on, and later years' until one has a scheme of its own.
   */
  async monthsGovernedFrom(
    manager: EntityManager,
    year: number,
    effectiveFrom: string,
  ): Promise<{ period: string; status: 'open' | 'locked' | 'published' }[]> {
    return manager.query(
      `SELECT p.period, p.status::text AS status FROM period p
        WHERE p.period >= $2
          AND NOT EXISTS (
            SELECT 1 FROM scheme_version v
             WHERE v.year > $1 AND v.year <= left(p.period, 4)::int AND v.effective_from <= p.period)
        ORDER BY p.period`,
      [year, effectiveFrom],
    );
  }
}
