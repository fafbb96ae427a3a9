import type { ThrottlerStorage } from '@nestjs/throttler';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/** Hits of one caller on one route, counted per second over the last `ttl`. */
interface Window {
  /** Hits per second, a ring indexed by the second modulo its length. */
  slots: number[];
  total: number;
  /** The newest second counted. */
  newest: number;
  blockedUntil: number;
}

/** How often windows nobody has used for a whole period are dropped. */
const SWEEP_MS = 60_000;

/**
 * The rate limit's memory, at a constant cost per call. The library's own store keeps one expiry
 * time per hit and filters them all on every call, so a busy caller pays for every call it made in
 * the last minute (60,000 at 1,000 calls/s). Here hits are counted per second in a ring over the
 * period: the same sliding window to the second (a hit is forgotten up to a second late, never
 * early, so no more calls pass than the limit allows), with the library's blocking rules: past the
 * limit, the caller is refused for `blockDuration` and its count starts afresh afterwards; with no
 * block duration, calls over the limit are refused and not counted.
 */
export class SlidingWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  constructor(private readonly clock: () => number = Date.now) {
    this.lastSweep = clock();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    return this.hit(`${throttlerName}\u0000${key}`, ttl, limit, blockDuration);
  }

  /** What `increment` answers, synchronously. */
  hit(id: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    const now = this.clock();
    if (now - this.lastSweep >= SWEEP_MS) this.sweep(now);
    // One second more than the period: a hit made late in a second is kept a whole period.
    const length = Math.max(1, Math.ceil(ttl / 1000)) + 1;
    const second = Math.floor(now / 1000);
    let window = this.windows.get(id);
    if (!window || window.slots.length !== length) {
      window = { slots: new Array<number>(length).fill(0), total: 0, newest: second, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    advance(window, second);

    if (window.blockedUntil > now)
      return { totalHits: window.total + 1, timeToExpire: timeToExpire(window, second), isBlocked: true, timeToBlockExpire: seconds(window.blockedUntil - now) };
    if (window.blockedUntil !== 0) {
      // The block is over: counting starts afresh.
      clear(window);
      window.blockedUntil = 0;
    }
    if (blockDuration <= 0 && window.total >= limit)
      return { totalHits: window.total + 1, timeToExpire: timeToExpire(window, second), isBlocked: true, timeToBlockExpire: timeToExpire(window, second) };

    window.slots[second % length] += 1;
    window.total += 1;
    const isBlocked = blockDuration > 0 && window.total > limit;
    if (isBlocked) window.blockedUntil = now + blockDuration;
    return {
      totalHits: window.total,
      timeToExpire: timeToExpire(window, second),
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds(blockDuration) : 0,
    };
  }

  /** How many callers it remembers. */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    const second = Math.floor(now / 1000);
    for (const [id, window] of this.windows)
      if (window.blockedUntil <= now && second - window.newest >= window.slots.length) this.windows.delete(id);
  }
}

/** Forgets the seconds that have left the window since it was last used. */
function advance(window: Window, second: number): void {
  if (second <= window.newest) return;
  const length = window.slots.length;
  if (second - window.newest >= length) clear(window);
  else
    for (let passed = window.newest + 1; passed <= second; passed++) {
      const slot = passed % length;
      window.total -= window.slots[slot];
      window.slots[slot] = 0;
    }
  window.newest = second;
}

function clear(window: Window): void {
  window.slots.fill(0);
  window.total = 0;
}

/** Seconds until the oldest hit counted leaves the window. */
function timeToExpire(window: Window, second: number): number {
  const length = window.slots.length;
  for (let age = length - 1; age > 0; age--) if (window.slots[(second - age) % length] > 0) return length - age;
  return length - 1;
}

const seconds = (ms: number): number => Math.ceil(ms / 1000);
