import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  Grade,
  SchemeBodyDto,
  SchemeGradeDto,
  SchemeIndicatorDto,
  SchemeWarningsDto,
} from '@scorecard/contracts';

/**
 * The shape of a scheme version as it travels; its rules (weights summing to 100, floor below
 * target, bands descending…) are `schemeBodyProblems` in `@scorecard/scoring`, checked by the service.
 */
const NAME = 200;
const NUMBER = { allowNaN: false, allowInfinity: false };

export class SchemeIndicatorBody implements SchemeIndicatorDto {
  @ApiProperty({ example: 'remote_filing' }) @IsString() @MaxLength(64) code!: string;
  @ApiProperty({ example: '异地就医备案办结率' }) @IsString() @MaxLength(NAME) nameZh!: string;
  @ApiProperty({ example: 'Out-of-area filing' }) @IsString() @MaxLength(NAME) nameEn!: string;
  @ApiProperty({ example: '业务经办' }) @IsString() @MaxLength(NAME) dimension!: string;
  @ApiProperty({ example: '按时办结备案数' }) @IsString() @MaxLength(NAME) numeratorLabel!: string;
  @ApiProperty({ example: '受理备案数' }) @IsString() @MaxLength(NAME) denominatorLabel!: string;
  @ApiProperty({ example: 10 }) @IsNumber(NUMBER) weight!: number;
  @ApiProperty({ example: 0.95 }) @IsNumber(NUMBER) target!: number;
  @ApiProperty({ example: 0.7 }) @IsNumber(NUMBER) floor!: number;
  @ApiProperty() @IsBoolean() allowAbove!: boolean;
  @ApiProperty() @IsBoolean() monetary!: boolean;
}

export class SchemeGradeBody implements SchemeGradeDto {
  @ApiProperty({ example: 'excellent' }) @IsString() @MaxLength(16) code!: Grade;
  @ApiProperty({ example: '优秀' }) @IsString() @MaxLength(NAME) label!: string;
  @ApiProperty({ example: 90 }) @IsNumber(NUMBER) min!: number;
}

export class SchemeWarningsBody implements SchemeWarningsDto {
  @ApiProperty({ example: 2 }) @IsNumber(NUMBER) failMonths!: number;
  @ApiProperty({ example: 2 }) @IsNumber(NUMBER) lastMonths!: number;
  @ApiProperty({ example: 3 }) @IsNumber(NUMBER) belowFloorMonths!: number;
  @ApiProperty({ example: 3 }) @IsNumber(NUMBER) improvingMonths!: number;
}

/** `POST /schemes/:year/preview`: a draft version, as `PUT` would take it. */
export class SchemeBody implements SchemeBodyDto {
  @ApiProperty({ example: '2026-11' }) @IsString() @MaxLength(7) effectiveFrom!: string;
  @ApiProperty({ example: '增设异地就医备案指标' }) @IsString() @MaxLength(1000) reason!: string;
  @ApiProperty({ example: 5 }) @IsNumber(NUMBER) dueDay!: number;
  @ApiProperty() @IsBoolean() dueOnWorkingDay!: boolean;
  @ApiProperty({ example: 10 }) @IsNumber(NUMBER) rectifyWorkingDays!: number;
  @ApiProperty({ example: 3 }) @IsNumber(NUMBER) appealWorkingDays!: number;
  @ApiProperty({ example: 15 }) @IsNumber(NUMBER) badReviewWorkingDays!: number;

  @ApiProperty({ type: SchemeWarningsBody })
  @IsObject()
  @ValidateNested()
  @Type(() => SchemeWarningsBody)
  warnings!: SchemeWarningsBody;

  @ApiProperty({ type: [SchemeGradeBody] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SchemeGradeBody)
  grades!: SchemeGradeBody[];

  @ApiProperty({ type: [SchemeIndicatorBody] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SchemeIndicatorBody)
  indicators!: SchemeIndicatorBody[];
}

/** `PUT /schemes/:year`: a new version; `version` names the one edited (a newer one saved meanwhile → 409). */
export class PutSchemeBody extends SchemeBody {
  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
