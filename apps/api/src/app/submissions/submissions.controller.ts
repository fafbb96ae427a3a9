import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PutSubmissionResponse, SubmissionDto } from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { AgencyCodePipe } from '../agencies/agency-code.pipe';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { ParsePeriodPipe } from '../periods/period.param';
import { PutSubmissionDto } from './put-submission.dto';
import { SubmissionsService } from './submissions.service';

@ApiTags('submissions')
@Controller('submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get(':period/:agencyCode')
  @Authorize('submission.read', { agencyParam: 'agencyCode' })
  find(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
  ): Promise<SubmissionDto> {
    return this.submissions.find(period, agencyCode);
  }

  @Put(':period/:agencyCode')
  @Authorize('submission.write', { agencyParam: 'agencyCode' })
  put(
    @Param('period', ParsePeriodPipe) period: string,
    @Param('agencyCode', AgencyCodePipe) agencyCode: string,
    @Body() body: PutSubmissionDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PutSubmissionResponse> {
    return this.submissions.put(user, period, agencyCode, body);
  }
}
