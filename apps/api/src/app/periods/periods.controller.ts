import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { JobAcceptedDto, PeriodDto, PeriodPartDto } from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { ParsePeriodPipe } from './period.param';
import { PeriodsService } from './periods.service';

@ApiTags('periods')
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  @ApiQuery({
    name: 'province',
    required: false,
    description:
      "National deployments: one province's part of each month (its agency code 440000, or 44). A province's users get their own province's part by default.",
  })
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Query('province') province?: string,
  ): Promise<PeriodDto[]> {
    return this.periods.list(caller, province);
  }

  /** Each province's part of a national month (the caller's own only, inside a province). */
  @Get(':period/parts')
  parts(
    @Param('period', ParsePeriodPipe) period: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<PeriodPartDto[]> {
    return this.periods.parts(caller, period);
  }

  @Post(':period/compute')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: '{jobId} of the queued computation' })
  @Authorize('period.manage')
  compute(
    @Param('period', ParsePeriodPipe) period: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<JobAcceptedDto> {
    return this.periods.compute(user, period);
  }
}
