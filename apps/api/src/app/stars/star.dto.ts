import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const SCORE = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };

export class StarEvidenceDto {
  @ApiPropertyOptional({ description: 'Thank-you letters (感谢信) received' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  thankYouLetters?: number;

  @ApiPropertyOptional({ description: 'Praises (好评, 表扬) received' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  praises?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MaxLength(500)
  note?: string;
}

export class NominateStarDto {
  @ApiProperty({ example: 'staff-330102-1' })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { context: { key: 'validation.username' } })
  staffUsername!: string;

  @ApiProperty({ example: '窗口服务员' })
  @IsString()
  @Transform(trim)
  @MinLength(1)
  @MaxLength(50)
  post!: string;

  @ApiProperty({ description: 'Why this person deserves the star' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({ type: StarEvidenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StarEvidenceDto)
  evidence?: StarEvidenceDto;
}

export class PutStarScoresDto {
  @ApiProperty({ description: 'Work completion, 0–100, at most 2 decimals' })
  @IsNumber(SCORE)
  @Min(0)
  @Max(100)
  work!: number;

  @ApiProperty({ description: "Leader's opinion, 0–100, at most 2 decimals" })
  @IsNumber(SCORE)
  @Min(0)
  @Max(100)
  leader!: number;

  @ApiProperty({ description: 'Attendance and study, 0–100, at most 2 decimals' })
  @IsNumber(SCORE)
  @Min(0)
  @Max(100)
  attendance!: number;
}

export class FileObjectionDto {
  @ApiProperty({ description: 'What is wrong with the selection' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ description: 'true: the objection stands and the selection is withdrawn' })
  @IsBoolean()
  upheld!: boolean;

  @ApiProperty({ description: 'The ruling, kept with the objection' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(1000)
  note!: string;
}

export class StarWeightsDto {
  @IsNumber(SCORE)
  @Min(0)
  @Max(1000)
  work!: number;

  @IsNumber(SCORE)
  @Min(0)
  @Max(1000)
  peer!: number;

  @IsNumber(SCORE)
  @Min(0)
  @Max(1000)
  leader!: number;

  @IsNumber(SCORE)
  @Min(0)
  @Max(1000)
  attendance!: number;
}

export class PutStarRulesDto {
  @ApiProperty({ type: StarWeightsDto })
  @ValidateNested()
  @Type(() => StarWeightsDto)
  weights!: StarWeightsDto;

  @ApiProperty({ description: 'Nobody is star twice within this many months' })
  @IsInt()
  @Min(0)
  @Max(120)
  cooldownMonths!: number;

  @ApiProperty({ description: 'Days of publicity (公示)' })
  @IsInt()
  @Min(1)
  @Max(60)
  publicityDays!: number;
}
