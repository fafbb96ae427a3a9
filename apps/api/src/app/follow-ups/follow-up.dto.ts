import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/**
 * The request pieces the follow-up features (整改事项, 差评, 异议, 预警) share, with one set of
 * rules each: a month, an agency, an indicator of the scheme, a written text and a version.
 */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const DIVISION = /^[0-9]{6}$/;

/** Decorators applied as if written one above the other (the lowest first, as TypeScript does). */
const stacked = (...decorators: PropertyDecorator[]) => applyDecorators(...decorators.reverse());

/** A month `YYYY-MM`; optional in a list's query. */
export const PeriodField = (options: { optional?: boolean } = {}) =>
  options.optional
    ? stacked(
        ApiPropertyOptional({ example: '2026-10' }),
        IsOptional(),
        Matches(PERIOD, { context: { key: 'validation.month' } }),
      )
    : stacked(
        ApiProperty({ example: '2026-10' }),
        Matches(PERIOD, { context: { key: 'validation.month' } }),
      );

/** A 6-digit division code. */
export const AgencyCodeField = () =>
  stacked(
    ApiProperty({ example: '330102' }),
    Matches(DIVISION, { context: { key: 'validation.divisionCode' } }),
  );

/** Written text, trimmed, `min` to `max` characters (min 0: may be empty). */
export const TextField = (options: { description: string; min?: number; max: number }) =>
  stacked(
    ApiProperty({ description: options.description }),
    IsString(),
    Transform(trim),
    ...(options.min ? [MinLength(options.min)] : []),
    MaxLength(options.max),
  );

/** A list's query: one month, one agency of the caller's scope. */
export class FollowUpListQuery {
  @PeriodField({ optional: true })
  period?: string;

  @ApiPropertyOptional({ description: 'One agency of the caller’s scope' })
  @IsOptional()
  @Matches(DIVISION, { context: { key: 'validation.divisionCode' } })
  agencyCode?: string;
}

/** A list's status filter over `statuses`. */
export const StatusFilter = (statuses: readonly string[]) =>
  stacked(ApiPropertyOptional({ enum: statuses }), IsOptional(), IsIn(statuses));

/** What an item is raised on: a month, an agency and, optionally, one indicator of the scheme. */
export class FollowUpSubject {
  @PeriodField()
  period!: string;

  @AgencyCodeField()
  agencyCode!: string;

  @ApiPropertyOptional({
    description: 'An indicator of the month’s scheme; absent or null: the overall result',
  })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/)
  indicatorCode?: string | null;
}

/** A step's body that carries the version the caller read. */
export class VersionedBody {
  @ApiPropertyOptional({ description: 'The version read; a stale one is refused (409)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
