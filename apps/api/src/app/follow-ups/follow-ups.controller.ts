import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FollowUpDto } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { MyFollowUpsService } from './my-follow-ups.service';

/** Follow-ups across their kinds (整改事项, 差评, 异议). */
@ApiTags('follow-ups')
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly mineService: MyFollowUpsService) {}

  /** What waits on the caller's agency, nearest deadline (most overdue) first. */
  @Get('mine')
  mine(@CurrentUser() caller: AuthenticatedUser): Promise<FollowUpDto[]> {
    return this.mineService.mine(caller);
  }
}
