import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AGENCY_LEVELS, type AgencyLevel } from '@scorecard/contracts';

const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export class StarWallQuery {
  @ApiPropertyOptional({ example: '2026-09' })
  @IsOptional()
  @Matches(PERIOD, { context: { key: 'validation.month' } })
  period?: string;

  @ApiPropertyOptional({ description: 'A city: its own stars and its counties’' })
  @IsOptional()
  @Matches(/^[0-9]{6}$/, { context: { key: 'validation.divisionCode' } })
  cityCode?: string;

  @ApiPropertyOptional({ enum: AGENCY_LEVELS })
  @IsOptional()
  @IsIn(AGENCY_LEVELS)
  level?: AgencyLevel;

  @ApiPropertyOptional({ description: 'History of one agency' })
  @IsOptional()
  @Matches(/^[0-9]{6}$/, { context: { key: 'validation.divisionCode' } })
  agencyCode?: string;

  @ApiPropertyOptional({ description: 'History of one person' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { context: { key: 'validation.username' } })
  staffUsername?: string;

  @ApiPropertyOptional({ default: 500, description: 'Without pageSize: at most this many entries' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;

  @ApiPropertyOptional({ default: 1, description: 'With pageSize: which page, from 1' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({
    description: 'Answer one page {rows, total, page, pageSize} of this size',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class StarPeriodQuery {
  @Matches(PERIOD, { context: { key: 'validation.month' } })
  period!: string;
}
