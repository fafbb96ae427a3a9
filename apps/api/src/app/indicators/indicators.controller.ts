import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { IndicatorDto } from '@scorecard/contracts';
import { parseWindow, periodYear } from '@scorecard/scoring';
import { SchemeRepository } from '@scorecard/server-database';
import { InvalidInputError, NotFoundError } from '../common/api.errors';
import { WindowResultsService } from '../windows/window-results.service';
import { toIndicatorDto } from './indicator.mapper';
import { YearQuery } from './year.query';

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly schemes: SchemeRepository,
    private readonly windows: WindowResultsService,
  ) {}

  @Get()
  @ApiQuery({ name: 'year', required: false, description: 'Defaults to the current year' })
  @ApiQuery({
    name: 'period',
    required: false,
    description: 'The scheme in force for this month (YYYY-MM), or the one a quarter, half-year or year (2026-Q3, 2026-H1, 2026) is scored with',
  })
  async list(@Query() query: YearQuery): Promise<IndicatorDto[]> {
    if (query.year !== undefined && query.period !== undefined) {
      throw new InvalidInputError([
        { field: 'period', key: 'validation.eitherOr', params: { field: 'period', other: 'year' } },
      ]);
    }
    const year = query.period ? periodYear(query.period) : (query.year ?? new Date().getFullYear());
    const window = query.period ? parseWindow(query.period) : null;
    const scheme =
      window && window.kind !== 'month'
        ? await this.windows.schemeOf(window)
        : query.period
          ? await this.schemes.findInForce(query.period)
          : await this.schemes.findForYear(year);
    if (!scheme) throw new NotFoundError('scheme.notFound', { year: String(year) });
    return scheme.indicators.map(toIndicatorDto);
  }
}
