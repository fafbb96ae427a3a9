import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { AGENCY_LEVELS, type AgencyLevel, RANKING_VIEWS, type RankingView, SCOPES, type Scope } from '@scorecard/contracts';
import { WINDOW_PATTERN } from '@scorecard/scoring';

export class RankingsQuery {
  @ApiProperty({ example: '2026-09', description: 'A month (2026-09), a quarter (2026-Q3), a half-year (2026-H1) or a year (2026)' })
  @Matches(WINDOW_PATTERN, { context: { key: 'validation.window' } })
  period!: string;

  @ApiPropertyOptional({ enum: AGENCY_LEVELS, default: 'city' })
  @IsOptional()
  @IsIn(AGENCY_LEVELS)
  level?: AgencyLevel;

  @ApiPropertyOptional({ description: 'Only the children of this agency, ranked among themselves' })
  @IsOptional()
  @Matches(/^[0-9]{6}$/, { context: { key: 'validation.divisionCode' } })
  parent?: string;

  @ApiPropertyOptional({ enum: SCOPES, default: 'aggregate' })
  @IsOptional()
  @IsIn(SCOPES)
  scope?: Scope;

  @ApiPropertyOptional({ description: 'A published version of the month; default: the latest (drafts for the province)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({
    enum: RANKING_VIEWS,
    default: 'full',
    description:
      '`table`: compact rows (RankingTableDto) with what a league table lists: `indicatorCodes` once, and per row `figures` as [numerator, denominator] in that order (the rate is their quotient), without the level, the rectification counts and the indicators\' scores',
  })
  @IsOptional()
  @IsIn(RANKING_VIEWS)
  view?: RankingView;
}
