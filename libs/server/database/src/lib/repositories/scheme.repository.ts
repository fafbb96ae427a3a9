import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IndicatorSchemeEntity, SchemeIndicatorEntity } from '../entities';

export interface Scheme {
  year: number;
  dueDay: number;
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
    return { year: scheme.year, dueDay: scheme.dueDay, indicators };
  }
}
