import { Transform, Type } from 'class-transformer';
import { parseTime } from '@scorecard/server-imports';
import { IsDate, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @IsOptional()
  @Matches(/^[0-9]{6}$/, { context: { key: 'validation.divisionCode' } })
  agencyCode?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { context: { key: 'validation.username' } })
  username?: string;

  @IsOptional()
  @Transform(toTime)
  @IsDate()
  from?: Date;

  @IsOptional()
  @Transform(toTime)
  @IsDate()
  to?: Date;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/**
 * A real point in time, or an invalid Date that @IsDate refuses: `2026-02-30` is no day (a plain
 * `new Date` would read it as 2 March). Without an offset it is Beijing time, as in imports.
 */
function toTime({ value }: { value: unknown }): Date {
  return (typeof value === 'string' ? parseTime(value) : null) ?? new Date(Number.NaN);
}
