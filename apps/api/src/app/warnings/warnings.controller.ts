import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WarningDto } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { RecordTalkDto, WarningListQuery } from './warning.dto';
import { WarningsService } from './warnings.service';

/** Warnings (预警 → 约谈) and improving streaks (进步) from the published months. */
@ApiTags('warnings')
@Controller('warnings')
export class WarningsController {
  constructor(private readonly warnings: WarningsService) {}

  @Get()
  list(
    @Query() query: WarningListQuery,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<WarningDto[]> {
    return this.warnings.list(caller, query.period);
  }

  /** The province records that a talk (约谈) took place. */
  @Post('talks')
  @HttpCode(201)
  recordTalk(@Body() body: RecordTalkDto, @CurrentUser() caller: AuthenticatedUser): Promise<void> {
    return this.warnings.recordTalk(caller, body);
  }
}
