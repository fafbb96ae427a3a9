import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { IndicatorDto } from '@scorecard/contracts';
import { SchemeRepository } from '@scorecard/server-database';
import { NotFoundError } from '../common/api.errors';
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
    return scheme.indicators.map((indicator) => ({
      code: indicator.code,
      nameZh: indicator.nameZh,
      nameEn: indicator.nameEn,
      weight: Number(indicator.weight),
      target: Number(indicator.target),
      floor: Number(indicator.floor),
      allowsOverTarget: indicator.allowsOverTarget,
      monetary: indicator.monetary,
      sortOrder: indicator.sortOrder,
    }));
  }
}
