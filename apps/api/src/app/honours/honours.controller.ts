import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HonoursDto } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { HonoursQuery } from './honours.query';
import { HonoursService } from './honours.service';

@ApiTags('honours')
@Controller('honours')
export class HonoursController {
  constructor(private readonly honours: HonoursService) {}

  /**
   * The year's honour roll (荣誉榜): agencies graded 优秀 and 良好 for the year, and its service
   * stars — in a national tree, of one province (the caller's, or the one the national admin names).
   */
  @Get()
  list(
    @Query() query: HonoursQuery,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<HonoursDto> {
    return this.honours.honours(caller, query.year, query.province);
  }
}
