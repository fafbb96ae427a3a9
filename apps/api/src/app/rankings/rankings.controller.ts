import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RankingsDto } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { RankingsQuery } from './rankings.query';
import { RankingsService } from './rankings.service';

@ApiTags('rankings')
@Controller('rankings')
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  @Get()
  ranking(@Query() query: RankingsQuery, @CurrentUser() caller: AuthenticatedUser): Promise<RankingsDto> {
    return this.rankings.ranking(caller, query);
  }
}
