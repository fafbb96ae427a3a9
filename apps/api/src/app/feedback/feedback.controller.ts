import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FeedbackSheetDto } from '@scorecard/contracts';
import { AgencyCodePipe } from '../agencies/agency-code.pipe';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { FeedbackQuery } from './feedback.query';
import { FeedbackService } from './feedback.service';

/** The feedback sheet (反馈单) of an agency's published month. */
@ApiTags('agencies')
@Controller('agencies')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get(':code/feedback')
  sheet(
    @Param('code', AgencyCodePipe) code: string,
    @Query() query: FeedbackQuery,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<FeedbackSheetDto> {
    return this.feedback.sheet(caller, code, query.period);
  }
}
