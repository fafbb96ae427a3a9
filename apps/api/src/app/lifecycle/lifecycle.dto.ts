import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const PROVINCE = /^[0-9]{2}([0-9]{4})?$/;
const PROVINCE_DESCRIPTION =
  "National deployments: the province whose part of the month this acts on, as its agency code (440000; its two-digit prefix 44 is read the same). A province admin may name only its own; the national admin names one, or none for the national month.";

export class ReasonDto {
  @ApiProperty({ description: 'Why: kept in the month’s history and the audit log' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;
}

export class ReopenDto extends ReasonDto {
  @ApiPropertyOptional({ description: PROVINCE_DESCRIPTION })
  @IsOptional()
  @IsString()
  @Matches(PROVINCE)
  province?: string;
}

export class LockDto {
  @ApiPropertyOptional({ description: 'Lock although some agencies are neither approved nor waived' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ description: 'Required with force' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ description: PROVINCE_DESCRIPTION })
  @IsOptional()
  @IsString()
  @Matches(PROVINCE)
  province?: string;
}

export class PublishDto {
  @ApiPropertyOptional({ description: PROVINCE_DESCRIPTION })
  @IsOptional()
  @IsString()
  @Matches(PROVINCE)
  province?: string;

  @ApiPropertyOptional({
    description: 'National admin only, naming no province: publish the national month before every province has published its part',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({ description: 'Required with force: kept in the month’s history and the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/** A province named as its agency code (440000) or its two-digit prefix (44). */
export function provinceCode(named: string | undefined): string | undefined {
  return named === undefined || named.length === 6 ? named : `${named}0000`;
}
