import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'scheme_indicator' })
export class SchemeIndicatorEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  /** 维度: the scorecard subtotals the indicators of one dimension. */
  @Column({ type: 'text', default: '' })
  dimension!: string;

  @Column({ name: 'numerator_label', type: 'text', default: '' })
  numeratorLabel!: string;

  @Column({ name: 'denominator_label', type: 'text', default: '' })
  denominatorLabel!: string;

  /** NUMERIC comes back from pg as a string; kept as text to stay exact. */
  @Column({ type: 'numeric', precision: 6, scale: 2 })
  weight!: string;

  @Column({ type: 'numeric', precision: 7, scale: 6 })
  target!: string;

  @Column({ type: 'numeric', precision: 7, scale: 6 })
  floor!: string;

  @Column({ name: 'allows_over_target', type: 'boolean', default: false })
  allowsOverTarget!: boolean;

  @Column({ type: 'boolean', default: false })
  monetary!: boolean;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder!: number;
}
