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

  /** The agency and all its descendants, at any depth. */
  async subtreeCodes(code: string): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `WITH RECURSIVE subtree AS (
         SELECT code FROM agency WHERE code = $1
         UNION ALL
         SELECT a.code FROM agency a JOIN subtree s ON a.parent_code = s.code
       )
       SELECT code FROM subtree ORDER BY code`,
      [code],
    );
    return rows.map((row) => row.code);
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(AgencyEntity).count();
  }
}
