import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { SCOPES, type Scope } from '@scorecard/contracts';
import { WINDOW_PATTERN } from '@scorecard/scoring';

export class ScorecardQuery {
  @ApiProperty({ example: '2026-09', description: 'A month (2026-09), a quarter (2026-Q3), a half-year (2026-H1) or a year (2026)' })
  @Matches(WINDOW_PATTERN, { context: { key: 'validation.window' } })
  period!: string;

  @ApiPropertyOptional({ enum: SCOPES, default: 'aggregate' })
  @IsOptional()
  @IsIn(SCOPES)
  scope?: Scope;
}
