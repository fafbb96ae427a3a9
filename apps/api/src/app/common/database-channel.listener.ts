import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import type { AppConfig } from '@scorecard/server-config';

const RECONNECT_DELAY_MS = 1_000;
/** How long a write waits for its own announcements before answering anyway. */
const CATCH_UP_TIMEOUT_MS = 2_000;
/** Payloads of the markers `caughtUp` sends itself; never handed to subscribers. */
const MARKER = 'caught-up:';

/**
 * Listens on one PostgreSQL notification channel, on a connection of its own, and hands every
 * payload to its subscribers. While it is not listening nobody may trust what they keep in memory:
 * they are told `null` (forget everything) when the connection goes and again when it is back,
 * since whatever changed in between is unknown.
 */
export abstract class DatabaseChannelListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private readonly handlers = new Set<(payload: string | null) => void>();
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly markers = new Map<string, () => void>();
  private markerCount = 0;

  /** `applicationName` names the connection in `pg_stat_activity`. */
  protected constructor(
    private readonly config: AppConfig,
    private readonly channel: string,
    private readonly applicationName = `scorecard-${channel.replace(/_/g, '-')}`,
  ) {}

  /** True while every committed change reaches this process. */
  get isListening(): boolean {
    return this.client !== null;
  }

  /** Calls `handler` with every payload, in the order subscribed; answers how to stop. */
  subscribe(handler: (payload: string | null) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /**
   * Resolves once every change committed before the call has reached this process: the database
   * delivers a channel's notices in commit order, so when a marker sent now comes back, all those
   * before it have been handed out. A write awaits this before it answers, so that the caller's next
   * request to this process sees what it wrote. Resolves at once while not listening (nothing is
   * served from memory then), and after a timeout at worst.
   */
  async caughtUp(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const marker = `${MARKER}${process.pid}:${++this.markerCount}`;
    let timer: NodeJS.Timeout | undefined;
    const back = new Promise<void>((resolve) => {
      this.markers.set(marker, resolve);
      timer = setTimeout(resolve, CATCH_UP_TIMEOUT_MS);
    });
    try {
      await client.query('SELECT pg_notify($1, $2)', [this.channel, marker]);
      await back;
    } catch {
      // The connection went: whoever keeps things in memory has been told to forget them.
    } finally {
      clearTimeout(timer);
      this.markers.delete(marker);
    }
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
      application_name: this.applicationName,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    client.on('notification', (notice) => this.emit(notice.payload ?? null));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      // The channel is ours, a constant of the subclass; identifiers cannot be bound as parameters.
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      this.logger.warn(`Not listening on ${this.channel}: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.emit(null);
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.emit(null);
    client.end().catch(() => undefined);
    this.logger.warn(`Lost the ${this.channel} connection; nothing is served from memory until it is back`);
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

  private emit(payload: string | null): void {
    if (payload?.startsWith(MARKER)) {
      // Ours, or another process's (which only that one waits for).
      this.markers.get(payload)?.();
      return;
    }
    for (const handler of this.handlers) handler(payload);
  }
}
