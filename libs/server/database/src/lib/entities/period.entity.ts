import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PeriodStatus } from '@scorecard/contracts';

@Entity({ name: 'period' })
export class PeriodEntity {
  /** YYYY-MM */
  @PrimaryColumn({ type: 'char', length: 7 })
  period!: string;

  @Column({ type: 'enum', enum: ['open', 'locked', 'published'], enumName: 'period_status' })
  status!: PeriodStatus;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** Bumped by every change to the month's submissions; results remember the revision they used. */
  @Column({ name: 'data_revision', type: 'int', default: 0 })
  dataRevision!: number;

  @Column({ name: 'computed_revision', type: 'int', nullable: true })
  computedRevision!: number | null;

  @Column({ name: 'computed_at', type: 'timestamptz', nullable: true })
  computedAt!: Date | null;

  /** Number of the latest published snapshot; 0 before the first publication. */
  @Column({ name: 'published_version', type: 'int', default: 0 })
  publishedVersion!: number;

  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
