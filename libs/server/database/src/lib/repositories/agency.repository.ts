import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyEntity } from '../entities';

@Injectable()
export class AgencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(manager: EntityManager = this.dataSource.manager): Promise<AgencyEntity[]> {
    return manager.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
  }

  findByCode(code: string): Promise<AgencyEntity | null> {
    return this.dataSource.getRepository(AgencyEntity).findOneBy({ code });
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(AgencyEntity).count();
  }
}
