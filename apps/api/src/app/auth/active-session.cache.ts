import { Injectable } from '@nestjs/common';
import { type ActiveSession, SessionRepository } from '@scorecard/server-database';
import { SessionChangeListener } from './session-change-listener';

/** Even with every notice arriving, a session is read again from the database at least this often. */
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 50_000;

/**
 * Live sessions kept in memory, so that an authenticated call costs no database round trip.
 * Correct because the database announces every change that could end a session or change its
 * rights (SessionChangeListener): such a notice drops the user's sessions here at once, and
 * while notices cannot arrive nothing is kept or served from memory.
 */
@Injectable()
export class ActiveSessionCache {
  private readonly entries = new Map<string, { session: ActiveSession; storedAt: number }>();
  /** Counts notices, so that a read that raced one is not kept. */
  private notices = 0;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly listener: SessionChangeListener,
  ) {
    listener.onSessionChange((userId) => {
      this.notices += 1;
      if (userId === null) {
        this.entries.clear();
        return;
      }
      for (const [sessionId, entry] of this.entries) if (entry.session.userId === userId) this.entries.delete(sessionId);
    });
  }

  async findActive(sessionId: string): Promise<ActiveSession | null> {
    const now = Date.now();
    const kept = this.entries.get(sessionId);
    if (kept && this.listener.isListening && now - kept.storedAt < MAX_AGE_MS && kept.session.expiresAt.getTime() > now)
      return kept.session;
    if (kept) this.entries.delete(sessionId);

    const noticesBefore = this.notices;
    const listeningBefore = this.listener.isListening;
    const session = await this.sessions.findActive(sessionId);
    if (session && listeningBefore && this.listener.isListening && this.notices === noticesBefore) {
      // Oldest first out: a Map keeps insertion order.
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(sessionId, { session, storedAt: now });
    }
    return session;
  }
}
