import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import type { MonthWithParts } from '../common/period-lookup.service';
import { AgencyDirectory } from '../common/agency-directory.service';
import type { EncodedAnswer } from './encoded-answer';
import { RankingChangeListener } from './ranking-change.listener';

const MONTH = /^[0-9]{4}-[0-9]{2}$/;
/**
 * Even with every announcement arriving, what is kept is read again at least this often: a safety
 * net for a change the announcements do not cover yet (a new table a league table comes to show).
 */
const MAX_AGE_MS = 60_000;

/**
 * League-table answers kept ready to send, and the month rows that decide who may see them, so
 * that asking again for a table that has not changed costs no database round trip.
 *
 * Correct across any number of API processes because the database announces every change that can
 * alter a table (RankingChangeListener): a month's change drops that month's answers and row here,
 * any other drops everything; while the announcements cannot arrive nothing is served from memory.
 * An answer whose building raced an announcement is sent but not kept.
 *
 * Keys are made by the caller from what determines the answer; the answers are bounded by their
 * size in bytes, least recently used out first, and by an age past which they are built again.
 */
@Injectable()
export class RankingAnswerCache {
  private readonly answers: LRUCache<string, EncodedAnswer> | null;
  private readonly months = new Map<string, { month: MonthWithParts; storedAt: number }>();
  /** Counts announcements, so that a read that raced one is not kept. */
  private notices = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly listener: RankingChangeListener,
    private readonly agencies: AgencyDirectory,
  ) {
    this.answers =
      config.rankingCacheBytes > 0
        ? new LRUCache<string, EncodedAnswer>({
            maxSize: config.rankingCacheBytes,
            sizeCalculation: (answer, key) => answer.byteSize + key.length * 2,
            ttl: MAX_AGE_MS,
          })
        : null;
    listener.subscribe((payload) => this.forget(payload));
  }

  /** False when the configuration gives it no memory: every answer is built afresh. */
  get enabled(): boolean {
    return this.answers !== null;
  }

  /** The month's row, from memory while it is known not to have changed, else from `read`. */
  async month(period: string, read: () => Promise<MonthWithParts>): Promise<MonthWithParts> {
    const now = Date.now();
    const kept = this.listener.isListening ? this.months.get(period) : undefined;
    if (kept && now - kept.storedAt < MAX_AGE_MS) return kept.month;
    const noticesBefore = this.notices;
    const listeningBefore = this.listener.isListening;
    const month = await read();
    if (this.mayKeep(noticesBefore, listeningBefore)) this.months.set(period, { month, storedAt: now });
    return month;
  }

  /** The answer kept under `key`, or the one `build` makes (kept unless it raced a change). */
  async answer(key: string, build: () => Promise<EncodedAnswer>): Promise<EncodedAnswer> {
    const kept = this.answers && this.listener.isListening ? this.answers.get(key) : undefined;
    if (kept) return kept;
    const noticesBefore = this.notices;
    const listeningBefore = this.listener.isListening;
    const built = await build();
    if (this.answers && this.mayKeep(noticesBefore, listeningBefore)) this.answers.set(key, built.compressed());
    return built;
  }

  private mayKeep(noticesBefore: number, listeningBefore: boolean): boolean {
    return listeningBefore && this.listener.isListening && this.notices === noticesBefore;
  }

  private forget(payload: string | null): void {
    this.notices += 1;
    if (payload !== null && MONTH.test(payload)) {
      this.months.delete(payload);
      // Keys start with their month (see rankingAnswerKey).
      if (this.answers) for (const key of this.answers.keys()) if (key.startsWith(`${payload}|`)) this.answers.delete(key);
      return;
    }
    // The agency tree decides who sees what and names the rows: it is read again too.
    if (payload === null || payload === 'agency') this.agencies.invalidate();
    if (payload === null) this.months.clear();
    this.answers?.clear();
  }
}
