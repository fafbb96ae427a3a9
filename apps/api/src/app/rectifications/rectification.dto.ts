import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
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
import { RECTIFICATION_STATUSES, type RectificationStatus } from '@scorecard/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const DIVISION = /^[0-9]{6}$/;

export class RectificationListQuery {
  @ApiPropertyOptional({ example: '2026-10' })
  @IsOptional()
  @Matches(PERIOD, { context: { key: 'validation.month' } })
  period?: string;

  @ApiPropertyOptional({ description: 'One agency of the caller’s scope' })
  @IsOptional()
  @Matches(DIVISION, { context: { key: 'validation.divisionCode' } })
  agencyCode?: string;

  @ApiPropertyOptional({ enum: RECTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(RECTIFICATION_STATUSES)
  status?: RectificationStatus;
}

export class CreateRectificationDto {
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

  @ApiProperty({ description: 'Why (e.g. the finding of a spot check, 抽查)' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class RespondRectificationDto {
  @ApiProperty({ description: '原因分析' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(2000)
  cause!: string;

  @ApiProperty({ description: '整改措施' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(2000)
  measures!: string;

  @ApiPropertyOptional({ description: 'The version read; a stale one is refused (409)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class VerifyRectificationDto {
  @ApiProperty({ description: 'true: closed; false: sent back to the agency (open again)' })
  @IsBoolean()
  accepted!: boolean;

  @ApiProperty({ description: 'The verdict; required when sending back' })
  @IsString()
  @Transform(trim)
  @MaxLength(1000)
  note!: string;

  @ApiPropertyOptional({ description: 'The version read; a stale one is refused (409)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
