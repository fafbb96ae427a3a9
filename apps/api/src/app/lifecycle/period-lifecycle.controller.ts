import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CompletenessDto, CountyReviewDto, PeriodEventDto } from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { AgencyCodePipe } from '../agencies/agency-code.pipe';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { ParsePeriodPipe } from '../periods/period.param';
import { LockDto, PublishDto, ReasonDto, ReopenDto, provinceCode } from './lifecycle.dto';
import { PeriodLifecycleService } from './period-lifecycle.service';

@ApiTags('periods')
@Controller()
export class PeriodLifecycleController {
  constructor(private readonly lifecycle: PeriodLifecycleService) {}

  @Post('periods/:period/lock')
  @HttpCode(200)
  @Authorize('period.manage')
  lock(@Param('period', ParsePeriodPipe) period: string, @Body() body: LockDto, @CurrentUser() caller: AuthenticatedUser) {
    return this.lifecycle.lock(caller, period, { ...body, province: provinceCode(body.province) });
  }

  /** 202 `{jobId}`: the publication runs as a job (GET /jobs/:id). */
  @Post('periods/:period/publish')
  @HttpCode(202)
  @Authorize('period.manage')
  publish(
    @Param('period', ParsePeriodPipe) period: string,
    @Body() body: PublishDto,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    return this.lifecycle.publish(caller, period, { ...body, province: provinceCode(body.province) });
  }

  @Post('periods/:period/reopen')
  @HttpCode(200)
  @Authorize('period.manage')
  reopen(@Param('period', ParsePeriodPipe) period: string, @Body() body: ReopenDto, @CurrentUser() caller: AuthenticatedUser) {
    return this.lifecycle.reopen(caller, period, body.reason, provinceCode(body.province));
  }

  @Get('periods/:period/completeness')
  @Authorize('period.manage')
  completeness(
    @Param('period', ParsePeriodPipe) period: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<CompletenessDto> {
    return this.lifecycle.completeness(caller, period);
  }

  /** A city's counties and where each stands in its review: the city's admins and the province. */
  @Get('periods/:period/reviews/:cityCode')
  @Authorize('submission.review')
  reviews(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('cityCode', AgencyCodePipe) cityCode: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<CountyReviewDto[]> {
    return this.lifecycle.countyReviews(caller, period, cityCode);
  }

  @Get('periods/:period/history')
  history(
    @Param('period', ParsePeriodPipe) period: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<PeriodEventDto[]> {
    return this.lifecycle.history(caller, period);
  }

  @Post('submissions/:period/:agencyCode/approve')
  @HttpCode(200)
  @Authorize('submission.review', { agencyParam: 'agencyCode' })
  approve(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    return this.lifecycle.review(caller, period, agencyCode, { approve: true });
  }

  @Post('submissions/:period/:agencyCode/return')
  @HttpCode(200)
  @Authorize('submission.review', { agencyParam: 'agencyCode' })
  returnSubmission(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @Body() body: ReasonDto,
    @CurrentUser() caller: AuthenticatedUser,
  ) {
    return this.lifecycle.review(caller, period, agencyCode, { approve: false, reason: body.reason });
  }

  @Post('submissions/:period/:agencyCode/waive')
  @HttpCode(204)
  @Authorize('submission.review', { agencyParam: 'agencyCode' })
  waive(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @Body() body: ReasonDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<void> {
    return this.lifecycle.waive(caller, period, agencyCode, body.reason);
  }
}
