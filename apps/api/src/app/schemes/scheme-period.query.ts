import { IsOptional, Matches } from 'class-validator';

/** `?period=YYYY-MM`: the version in force that month rather than the year's latest. */
export class SchemePeriodQuery {
  @IsOptional()
  @Matches(/^[0-9]{4}-(0[1-9]|1[0-2])$/, { context: { key: 'validation.month' } })
  period?: string;
}
