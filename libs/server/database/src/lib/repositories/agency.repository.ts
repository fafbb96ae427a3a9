import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyEntity } from '../entities';

@Injectable()
export class AgencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<AgencyEntity[]> {
    return this.dataSource.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
  }

  findByCode(code: string): Promise<AgencyEntity | null> {
    return this.dataSource.getRepository(AgencyEntity).findOneBy({ code });
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(AgencyEntity).count();
  }
}
