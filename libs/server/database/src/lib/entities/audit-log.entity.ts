import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One write: who, in which role and agency, did what to what, with the state before and after. */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ name: 'agency_code', type: 'char', length: 6, nullable: true })
  agencyCode!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  target!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;
}
