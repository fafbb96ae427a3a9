import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RectificationDto } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { NumericIdPipe } from '../common/numeric-id.pipe';
import {
  CreateRectificationDto,
  RectificationListQuery,
  RespondRectificationDto,
  VerifyRectificationDto,
} from './rectification.dto';
import { RectificationsService } from './rectifications.service';

/** Rectification items (整改事项) after publication. */
@ApiTags('rectifications')
@Controller('rectifications')
export class RectificationsController {
  constructor(private readonly rectifications: RectificationsService) {}

  @Get()
  list(
    @Query() query: RectificationListQuery,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<RectificationDto[]> {
    return this.rectifications.list(caller, query);
  }

  @Post()
  create(
    @Body() body: CreateRectificationDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<{ id: string }> {
    return this.rectifications.create(caller, body);
  }

  @Post(':id/response')
  @HttpCode(200)
  respond(
    @Param('id', new NumericIdPipe('id')) id: string,
    @Body() body: RespondRectificationDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<RectificationDto> {
    return this.rectifications.respond(caller, id, body);
  }

  @Post(':id/verify')
  @HttpCode(200)
  verify(
    @Param('id', new NumericIdPipe('id')) id: string,
    @Body() body: VerifyRectificationDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<RectificationDto> {
    return this.rectifications.verify(caller, id, body);
  }
}
