import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NotificationListDto } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { NumericIdPipe } from '../common/numeric-id.pipe';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() caller: AuthenticatedUser): Promise<NotificationListDto> {
    return this.notifications.list(caller);
  }

  @Post('read-all')
  @HttpCode(200)
  markAllRead(@CurrentUser() caller: AuthenticatedUser): Promise<{ unread: number }> {
    return this.notifications.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  markRead(
    @Param('id', NumericIdPipe) id: string,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<{ unread: number }> {
    return this.notifications.markRead(caller, id);
  }
}
