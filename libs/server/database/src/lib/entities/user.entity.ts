import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@scorecard/contracts';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'text', unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'agency_code', type: 'char', length: 6 })
  agencyCode!: string;

  @Column({ type: 'text', nullable: true })
  post!: string | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Demo accounts exist only while the server runs in demo mode. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  /** Set when an administrator chose the password: the owner must change it before anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
