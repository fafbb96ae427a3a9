import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  BAD_REVIEW_OUTCOMES,
  BAD_REVIEW_STATUSES,
  type BadReviewOutcome,
  type BadReviewStatusName,
} from '@scorecard/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const DIVISION = /^[0-9]{6}$/;

export class BadReviewListQuery {
  @ApiPropertyOptional({ example: '2026-10' })
  @IsOptional()
  @Matches(PERIOD, { context: { key: 'validation.month' } })
  period?: string;

  @ApiPropertyOptional({ description: 'One agency of the caller’s scope' })
  @IsOptional()
  @Matches(DIVISION, { context: { key: 'validation.divisionCode' } })
  agencyCode?: string;

  @ApiPropertyOptional({ enum: BAD_REVIEW_STATUSES })
  @IsOptional()
  @IsIn(BAD_REVIEW_STATUSES)
  status?: BadReviewStatusName;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

class VersionedBody {
  @ApiPropertyOptional({ description: 'The version read; a stale one is refused (409)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class VerifyBadReviewDto extends VersionedBody {
  @ApiProperty({ description: '核实情况' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(2000)
  note!: string;
}

export class ResolveBadReviewDto extends VersionedBody {
  @ApiProperty({ enum: BAD_REVIEW_OUTCOMES })
  @IsIn(BAD_REVIEW_OUTCOMES)
  outcome!: BadReviewOutcome;

  @ApiProperty({ description: '整改情况或情况说明' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(2000)
  note!: string;
}

export class AppealBadReviewDto extends VersionedBody {
  @ApiProperty({ description: 'Why the review is mistaken or malicious' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;
}

export class RuleBadReviewDto extends VersionedBody {
  @ApiProperty({ description: 'true: the case is voided; false: it goes back to where it was' })
  @IsBoolean()
  void!: boolean;

  @ApiProperty({ description: 'The ruling' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(2000)
  note!: string;
}
