import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SubmissionStatus } from '@scorecard/contracts';

/** One agency's own (本级) figures for one month. */
@Entity({ name: 'submission' })
export class SubmissionEntity {
  @PrimaryColumn({ type: 'char', length: 7 })
  period!: string;

  @PrimaryColumn({ name: 'agency_code', type: 'char', length: 6 })
  agencyCode!: string;

  /** Optimistic concurrency: a write must name the version it read. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'text', default: 'submitted' })
  status!: SubmissionStatus;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'submitted_by', type: 'text', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'reviewed_by', type: 'text', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;
}
