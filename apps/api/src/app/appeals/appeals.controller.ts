import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AppealDto, AppealWindowDto } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { NumericIdPipe } from '../common/numeric-id.pipe';
import {
  AppealListQuery,
  AppealWindowQuery,
  CreateAppealDto,
  ResolveAppealDto,
} from './appeal.dto';
import { AppealsService } from './appeals.service';

/** Appeals (异议) of published results. */
@ApiTags('appeals')
@Controller('appeals')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Get()
  list(
    @Query() query: AppealListQuery,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<AppealDto[]> {
    return this.appeals.list(caller, query.period);
  }

  /** Whether the caller's agency may still appeal the month's result, and until which day. */
  @Get('window')
  window(
    @Query() query: AppealWindowQuery,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<AppealWindowDto> {
    return this.appeals.window(caller, query.period);
  }

  @Post()
  create(
    @Body() body: CreateAppealDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<{ id: string }> {
    return this.appeals.create(caller, body);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(
    @Param('id', new NumericIdPipe('id')) id: string,
    @Body() body: ResolveAppealDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<AppealDto> {
    return this.appeals.resolve(caller, id, body);
  }
}
