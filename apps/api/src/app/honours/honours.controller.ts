import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HonoursDto } from '@scorecard/contracts';
import { HonoursQuery } from './honours.query';
import { HonoursService } from './honours.service';

@ApiTags('honours')
@Controller('honours')
export class HonoursController {
  constructor(private readonly honours: HonoursService) {}

  /** The year's honour roll (荣誉榜): agencies graded 优秀 and 良好 for the year, and its service stars. */
  @Get()
  list(@Query() query: HonoursQuery): Promise<HonoursDto> {
    return this.honours.honours(query.year);
  }
}
