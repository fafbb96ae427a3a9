import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IndicatorSchemeEntity, SchemeIndicatorEntity } from '../entities';

/** One indicator of a scheme as it is written in. */
export type SchemeIndicatorInput = Omit<SchemeIndicatorEntity, 'year' | 'sortOrder'>;

export interface Scheme {
  year: number;
  dueDay: number;
  dueOnWorkingDay: boolean;
  indicators: SchemeIndicatorEntity[];
}

@Injectable()
export class SchemeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The scheme in force for a year: that year's, or else the latest earlier one (a new year keeps
   * last year's weights until the province edits them).
   */
  async findForYear(year: number, manager: EntityManager = this.dataSource.manager): Promise<Scheme | null> {
    const scheme = await manager
      .getRepository(IndicatorSchemeEntity)
      .createQueryBuilder('scheme')
      .where('scheme.year <= :year', { year })
      .orderBy('scheme.year', 'DESC')
      .getOne();
    if (!scheme) return null;
    const indicators = await manager
      .getRepository(SchemeIndicatorEntity)
      .find({ where: { year: scheme.year }, order: { sortOrder: 'ASC' } });
    return { year: scheme.year, dueDay: scheme.dueDay, dueOnWorkingDay: scheme.dueOnWorkingDay, indicators };
  }

  /** Writes a year's scheme, its indicators in the order given. */
  async insertYear(
    manager: EntityManager,
    year: number,
    dueDay: number,
    indicators: readonly SchemeIndicatorInput[],
  ): Promise<void> {
    await manager.getRepository(IndicatorSchemeEntity).insert({ year, dueDay });
    await manager
      .getRepository(SchemeIndicatorEntity)
      .insert(indicators.map((indicator, index) => ({ ...indicator, year, sortOrder: index + 1 })));
  }

  /** Every year's scheme, oldest first: an import checks each row against the scheme of its month. */
  async findAll(manager: EntityManager = this.dataSource.manager): Promise<Scheme[]> {
    const schemes = await manager.getRepository(IndicatorSchemeEntity).find({ order: { year: 'ASC' } });
    const indicators = await manager
      .getRepository(SchemeIndicatorEntity)
      .find({ order: { year: 'ASC', sortOrder: 'ASC' } });
    return schemes.map((scheme) => ({
      year: scheme.year,
      dueDay: scheme.dueDay,
      dueOnWorkingDay: scheme.dueOnWorkingDay,
      indicators: indicators.filter((indicator) => indicator.year === scheme.year),
    }));
  }
}
