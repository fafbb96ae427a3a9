import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { DatabaseChannelListener } from '../common/database-channel.listener';

/** A user whose sessions changed (one ended, the user was disabled, reset or re-roled), or `null`: forget everything. */
export type SessionChange = number | null;

/**
 * Listens on PostgreSQL's `session_change` channel, which the database fills on commit (see the
 * SessionChangeNotices migration). While it is not listening, nobody may trust what they keep in
 * memory: they are told `null` and should ask the database again.
 */
@Injectable()
export class SessionChangeListener extends DatabaseChannelListener {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config, 'session_change', 'scorecard-session-notices');
  }

  /** Calls `handler` with the user's id of every notice, or `null` when anything may have changed. */
  onSessionChange(handler: (change: SessionChange) => void): () => void {
    return this.subscribe((payload) => {
      const userId = payload === null ? Number.NaN : Number(payload);
      handler(Number.isInteger(userId) ? userId : null);
    });
  }
}
