import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const DIVISION = /^[0-9]{6}$/;

export class AppealListQuery {
  @ApiPropertyOptional({ example: '2026-10' })
  @IsOptional()
  @Matches(PERIOD, { context: { key: 'validation.month' } })
  period?: string;
}

export class AppealWindowQuery {
  @ApiProperty({ example: '2026-10' })
  @Matches(PERIOD, { context: { key: 'validation.month' } })
  period!: string;
}

export class CreateAppealDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(PERIOD, { context: { key: 'validation.month' } })
  period!: string;

  @ApiProperty({ example: '330102' })
  @Matches(DIVISION, { context: { key: 'validation.divisionCode' } })
  agencyCode!: string;

  @ApiPropertyOptional({
    description: 'An indicator of the month’s scheme; absent or null: the overall result',
  })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,63}$/)
  indicatorCode?: string | null;

  @ApiProperty({ description: 'Why the result is wrong' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;
}

export class ResolveAppealDto {
  @ApiProperty({ description: 'true: upheld, the month is reopened; false: dismissed' })
  @IsBoolean()
  upheld!: boolean;

  @ApiProperty({ description: 'The ruling; required when dismissing' })
  @IsString()
  @Transform(trim)
  @MaxLength(1000)
  note!: string;
}
