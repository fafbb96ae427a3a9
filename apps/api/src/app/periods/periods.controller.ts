import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags } from '@nestjs/swagger';
import type { JobAcceptedDto, PeriodDto } from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { ParsePeriodPipe } from './period.param';
import { PeriodsService } from './periods.service';

@ApiTags('periods')
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  list(): Promise<PeriodDto[]> {
    return this.periods.list();
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
