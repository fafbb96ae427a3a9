import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface NotificationParams {
  period?: string;
  agencyCode?: string;
  agencyName?: string;
  name?: string;
  reason?: string;
  by?: string;
  /** A rectification item: its deadline; how many were raised. */
  deadline?: string;
  count?: number;
  /** A month's results published: the version, score, rank within the parent and its size, level. */
  version?: number;
  score?: number | null;
  rank?: number | null;
  of?: number;
  level?: 'province' | 'city' | 'county';
}

export interface NotificationRow {
  id: string;
  kind: string;
  params: NotificationParams;
  createdAt: Date;
  readAt: Date | null;
}

/** In-app messages to users. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Sends one message to each recipient, inside the caller's transaction. With `dedupeKey`, a message
   * already sent under the same key is not sent again (scheduled announcements stay idempotent).
   * Returns how many were sent now.
   */
  async notify(
    manager: EntityManager,
    message: {
      recipients: string[];
      kind: string;
      params: NotificationParams;
      dedupeKey?: (username: string) => string;
    },
  ): Promise<number> {
    if (message.recipients.length === 0) return 0;
    const keys = message.recipients.map((username) => message.dedupeKey?.(username) ?? null);
    const rows: unknown[] = await manager.query(
      `INSERT INTO notification (username, kind, params, dedupe_key)
       SELECT recipient, $2, $3::jsonb, dedupe_key FROM unnest($1::text[], $4::text[]) AS t (recipient, dedupe_key)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [message.recipients, message.kind, JSON.stringify(message.params), keys],
    );
    return rows.length;
  }

  /**
   * Sends messages of one kind, each to its own recipient with its own values, in one statement
   * inside the caller's transaction; a message whose `dedupeKey` was already used is not sent
   * again. Returns how many were sent now.
   */
  async notifyEach(
    manager: EntityManager,
    kind: string,
    messages: { recipient: string; params: NotificationParams; dedupeKey: string }[],
  ): Promise<number> {
    if (messages.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO notification (username, kind, params, dedupe_key)
       SELECT recipient, $1, params::jsonb, dedupe_key
         FROM unnest($2::text[], $3::text[], $4::text[]) AS t (recipient, params, dedupe_key)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        kind,
        messages.map((message) => message.recipient),
        messages.map((message) => JSON.stringify(message.params)),
        messages.map((message) => message.dedupeKey),
      ],
    );
    return rows.length;
  }

  /** The user's newest messages. */
  listFor(username: string, limit: number): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT id::text AS id, kind, params, created_at AS "createdAt", read_at AS "readAt"
         FROM notification WHERE username = $1 ORDER BY id DESC LIMIT $2`,
      [username, limit],
    );
  }

  async countUnread(
    username: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM notification WHERE username = $1 AND read_at IS NULL`,
      [username],
    );
    return rows[0].count;
  }

  /** Marks one of the user's messages read; null when the user has no such message. */
  async markRead(
    manager: EntityManager,
    username: string,
    id: string,
  ): Promise<{ wasUnread: boolean } | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [{ wasUnread: boolean }[], number] = await manager.query(
      `UPDATE notification n SET read_at = coalesce(n.read_at, now())
         FROM notification old WHERE n.id = old.id AND n.id = $2 AND n.username = $1
       RETURNING old.read_at IS NULL AS "wasUnread"`,
      [username, id],
    );
    return rows[0] ?? null;
  }

  /** Marks all of the user's messages read; returns how many were unread. */
  async markAllRead(manager: EntityManager, username: string): Promise<number> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE notification SET read_at = now() WHERE username = $1 AND read_at IS NULL`,
      [username],
    );
    return affected;
  }
}
