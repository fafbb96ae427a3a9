import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { IndicatorDto } from '@scorecard/contracts';
import { SchemeRepository } from '@scorecard/server-database';
import { NotFoundError } from '../common/api.errors';
import { toIndicatorDto } from './indicator.mapper';
import { YearQuery } from './year.query';

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly schemes: SchemeRepository) {}

  @Get()
  @ApiQuery({ name: 'year', required: false, description: 'Defaults to the current year' })
  async list(@Query() query: YearQuery): Promise<IndicatorDto[]> {
    const year = query.year ?? new Date().getFullYear();
    const scheme = await this.schemes.findForYear(year);
    if (!scheme) throw new NotFoundError(`No indicator scheme for ${year}`);
    return scheme.indicators.map(toIndicatorDto);
  }
}
