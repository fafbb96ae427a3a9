import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { WINDOW_PATTERN } from '@scorecard/scoring';

/**
 * `?year=` (that year's scheme) or `?period=` (the scheme in force for that month, or the one a
 * quarter, half-year or year is scored with), not both.
 */
export class YearQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @IsOptional()
  // A quarter, half-year or year answers the scheme it is scored with.
  @Matches(WINDOW_PATTERN, { context: { key: 'validation.window' } })
  period?: string;
}
