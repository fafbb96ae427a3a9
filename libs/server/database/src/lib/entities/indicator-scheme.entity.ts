import { Entity, PrimaryColumn } from 'typeorm';

/**
 * A year that has a scheme of its own; its versions (`scheme_version`) carry the indicators and
 * settings, the year row keeps the star rules and serialises the edits of that year.
 */
@Entity({ name: 'indicator_scheme' })
export class IndicatorSchemeEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;
}
