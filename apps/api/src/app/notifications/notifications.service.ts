import { Injectable } from '@nestjs/common';
import type { NotificationKind, NotificationListDto } from '@scorecard/contracts';
import {
  AuditLogRepository,
  NotificationRepository,
  TransactionRunner,
} from '@scorecard/server-database';
import { NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';

const LIST_LIMIT = 50;

/** The caller's own in-app messages; nobody reads or marks anyone else's. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async list(caller: AuthenticatedUser): Promise<NotificationListDto> {
    const [items, unread] = await Promise.all([
      this.notifications.listFor(caller.username, LIST_LIMIT),
      this.notifications.countUnread(caller.username),
    ]);
    return {
      unread,
      items: items.map((item) => ({
        id: item.id,
        kind: item.kind as NotificationKind,
        params: item.params,
        createdAt: item.createdAt.toISOString(),
        readAt: item.readAt?.toISOString() ?? null,
      })),
    };
  }

  async markRead(caller: AuthenticatedUser, id: string): Promise<{ unread: number }> {
    return this.transactions.run(async (manager) => {
      const marked = await this.notifications.markRead(manager, caller.username, id);
      if (!marked) throw new NotFoundError('notification.notFound', { id });
      await this.audit.recordAction(
        manager,
        caller,
        'notification.read',
        `notification/${id}`,
        null,
        { read: true },
      );
      return { unread: await this.notifications.countUnread(caller.username, manager) };
    });
  }

  async markAllRead(caller: AuthenticatedUser): Promise<{ unread: number }> {
    return this.transactions.run(async (manager) => {
      const marked = await this.notifications.markAllRead(manager, caller.username);
      await this.audit.recordAction(
        manager,
        caller,
        'notification.read_all',
        `notification/${caller.username}`,
        null,
        {
          marked,
        },
      );
      return { unread: 0 };
    });
  }
}
