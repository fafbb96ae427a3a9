import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';

/** A user whose sessions changed (one ended, the user was disabled, reset or re-roled), or `null`: forget everything. */
export type SessionChange = number | null;

const RECONNECT_DELAY_MS = 1_000;

/**
 * Listens on PostgreSQL's `session_change` channel, which the database fills on commit (see the
 * SessionChangeNotices migration), on a connection of its own. While it is not listening, nobody
 * may trust what they keep in memory: they are told `null` and should ask the database again.
 */
@Injectable()
export class SessionChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionChangeListener.name);
  private readonly handlers = new Set<(change: SessionChange) => void>();
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** True while every committed change reaches this process. */
  get isListening(): boolean {
    return this.client !== null;
  }

  subscribe(handler: (change: SessionChange) => void): void {
    this.handlers.add(handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'scorecard-session-notices',
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    client.on('notification', (notice) => {
      const userId = Number(notice.payload);
      this.emit(Number.isInteger(userId) ? userId : null);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query('LISTEN session_change');
    } catch (error) {
      this.logger.warn(`Not listening for session changes: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Whatever changed while nobody listened is unknown.
    this.emit(null);
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.emit(null);
    client.end().catch(() => undefined);
    this.logger.warn('Lost the session-change connection; checking every session in the database until it is back');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, RECONNECT_DELAY_MS);
    this.retry.unref();
  }

  private emit(change: SessionChange): void {
    for (const handler of this.handlers) handler(change);
  }
}
