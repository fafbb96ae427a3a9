import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AgencyLevel } from '@scorecard/contracts';

@Entity({ name: 'agency' })
export class AgencyEntity {
  /** GB/T 2260 administrative division code. */
  @PrimaryColumn({ type: 'char', length: 6 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: ['nation', 'province', 'city', 'county'], enumName: 'agency_level' })
  level!: AgencyLevel;

  @Index()
  @Column({ name: 'parent_code', type: 'char', length: 6, nullable: true })
  parentCode!: string | null;
}
