import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Grade, Scope } from '@scorecard/contracts';

/** Stored per-indicator outcome; amounts as exact decimal strings. */
export interface StoredIndicatorResult {
  numerator: string;
  denominator: string;
  /** Unrounded rate as a fraction; null when not applicable. */
  rate: number | null;
  /** Unrounded indicator score 0–100; null when not applicable. */
  score: number | null;
}

/** Computed results of one agency, month and scope: served by the rankings, never recomputed per request. */
@Entity({ name: 'agency_result' })
export class AgencyResultEntity {
  @PrimaryColumn({ type: 'char', length: 7 })
  period!: string;

  @PrimaryColumn({ name: 'agency_code', type: 'char', length: 6 })
  agencyCode!: string;

  @PrimaryColumn({ type: 'enum', enum: ['own', 'aggregate'], enumName: 'result_scope' })
  scope!: Scope;

  @Column({ type: 'boolean' })
  reported!: boolean;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  score!: string | null;

  @Column({ type: 'text', nullable: true })
  grade!: Grade | null;

  @Column({ name: 'rank_in_parent', type: 'int', nullable: true })
  rankInParent!: number | null;

  @Column({ name: 'parent_size', type: 'int' })
  parentSize!: number;

  @Column({ name: 'rank_change_in_parent', type: 'int', nullable: true })
  rankChangeInParent!: number | null;

  @Column({ name: 'rank_in_level', type: 'int', nullable: true })
  rankInLevel!: number | null;

  @Column({ name: 'level_size', type: 'int' })
  levelSize!: number;

  @Column({ name: 'rank_change_in_level', type: 'int', nullable: true })
  rankChangeInLevel!: number | null;

  /** Rank within level across the country; null (with the size) in a tree without a nation root. */
  @Column({ name: 'rank_in_nation', type: 'int', nullable: true })
  rankInNation!: number | null;

  @Column({ name: 'nation_size', type: 'int', nullable: true })
  nationSize!: number | null;

  @Column({ name: 'rank_change_in_nation', type: 'int', nullable: true })
  rankChangeInNation!: number | null;

  /** The scheme version that produced the row (方案 2026 v2). */
  @Column({ name: 'scheme_year', type: 'int', nullable: true })
  schemeYear!: number | null;

  @Column({ name: 'scheme_version', type: 'int', nullable: true })
  schemeVersion!: number | null;

  @Column({ type: 'jsonb' })
  indicators!: Record<string, StoredIndicatorResult>;
}
