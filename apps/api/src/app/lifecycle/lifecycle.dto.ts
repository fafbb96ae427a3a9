import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ReasonDto {
  @ApiProperty({ description: 'Why: kept in the month’s history and the audit log' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;
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
}
