import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'submission_value' })
export class SubmissionValueEntity {
  @PrimaryColumn({ type: 'char', length: 7 })
  period!: string;

  @PrimaryColumn({ name: 'agency_code', type: 'char', length: 6 })
  agencyCode!: string;

  @PrimaryColumn({ name: 'indicator_code', type: 'text' })
  indicatorCode!: string;

  /** Exact decimals (yuan with fen, or counts) as text. */
  @Column({ type: 'numeric', precision: 15, scale: 2 })
  numerator!: string;

  @Column({ type: 'numeric', precision: 15, scale: 2 })
  denominator!: string;
}
