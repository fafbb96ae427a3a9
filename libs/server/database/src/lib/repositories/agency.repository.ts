import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyEntity } from '../entities';

@Injectable()
export class AgencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every agency, by code. A plain query: the national tree's 3,340 rows skip the ORM's hydration. */
  async findAll(manager: EntityManager = this.dataSource.manager): Promise<AgencyEntity[]> {
    const rows: AgencyEntity[] = await manager.query(
      `SELECT code, name, level, parent_code AS "parentCode" FROM agency ORDER BY code`,
    );
    return rows.map((row) => Object.assign(new AgencyEntity(), row));
  }

  findByCode(code: string): Promise<AgencyEntity | null> {
    return this.dataSource.getRepository(AgencyEntity).findOneBy({ code });
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(AgencyEntity).count();
  }
}
