import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Grade } from '@scorecard/contracts';

/** A grade band as stored: composites at or above `min` get `code`. */
export interface StoredGradeBand {
  code: Grade;
  label: string;
  min: number;
}

/** One version of a year's scheme (考核方案), in force from `effectiveFrom` until a later one. */
@Entity({ name: 'scheme_version' })
export class SchemeVersionEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  /** YYYY-MM within `year`. */
  @Column({ name: 'effective_from', type: 'char', length: 7 })
  effectiveFrom!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Day of the following month by which a month's figures are due. */
  @Column({ name: 'due_day', type: 'smallint', default: 5 })
  dueDay!: number;

  /** Count `dueDay` in working days of the following month (the province calendar's). */
  @Column({ name: 'due_on_working_day', type: 'boolean', default: false })
  dueOnWorkingDay!: boolean;

  @Column({ name: 'rectify_working_days', type: 'smallint', default: 10 })
  rectifyWorkingDays!: number;

  @Column({ name: 'appeal_working_days', type: 'smallint', default: 3 })
  appealWorkingDays!: number;

  @Column({ name: 'bad_review_working_days', type: 'smallint', default: 15 })
  badReviewWorkingDays!: number;

  @Column({ name: 'warn_fail_months', type: 'smallint', default: 2 })
  warnFailMonths!: number;

  @Column({ name: 'warn_last_months', type: 'smallint', default: 2 })
  warnLastMonths!: number;

  @Column({ name: 'warn_below_floor_months', type: 'smallint', default: 3 })
  warnBelowFloorMonths!: number;

  @Column({ name: 'warn_improving_months', type: 'smallint', default: 3 })
  warnImprovingMonths!: number;

  /** The five bands, highest first. */
  @Column({ type: 'jsonb' })
  grades!: StoredGradeBand[];
}
