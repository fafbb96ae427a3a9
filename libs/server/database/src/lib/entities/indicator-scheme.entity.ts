import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The indicator scheme of one year: which indicators count, with what weight and band. */
@Entity({ name: 'indicator_scheme' })
export class IndicatorSchemeEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  /** Day of the following month by which a month's figures are due. */
  @Column({ name: 'due_day', type: 'smallint', default: 5 })
  dueDay!: number;

  /** Count `dueDay` in working days of the following month (the province calendar's). */
  @Column({ name: 'due_on_working_day', type: 'boolean', default: false })
  dueOnWorkingDay!: boolean;
}
