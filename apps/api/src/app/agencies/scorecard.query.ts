import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { SCOPES, type Scope } from '@scorecard/contracts';

export class ScorecardQuery {
  @ApiProperty({ example: '2026-09' })
  @Matches(/^[0-9]{4}-(0[1-9]|1[0-2])$/, { context: { key: 'validation.month' } })
  period!: string;

  @ApiPropertyOptional({ enum: SCOPES, default: 'aggregate' })
  @IsOptional()
  @IsIn(SCOPES)
  scope?: Scope;
}
