import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AgencyDto, ScorecardDto } from '@scorecard/contracts';
import { AgencyDirectory } from '../common/agency-directory.service';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { AgencyCodePipe } from './agency-code.pipe';
import { ScorecardQuery } from './scorecard.query';
import { ScorecardService } from './scorecard.service';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(
    private readonly agencies: AgencyDirectory,
    private readonly scorecards: ScorecardService,
  ) {}

  @Get()
  async list(): Promise<AgencyDto[]> {
    const agencies = await this.agencies.all();
    return agencies.map(({ code, name, level, parentCode }) => ({ code, name, level, parentCode }));
  }

  @Get(':code/scorecard')
  scorecard(
    @Param('code', AgencyCodePipe) code: string,
    @Query() query: ScorecardQuery,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<ScorecardDto> {
    return this.scorecards.scorecard(caller, code, query.period, query.scope);
  }
}
