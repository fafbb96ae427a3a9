import { SlidingWindowThrottlerStorage } from './sliding-window-throttler.storage';

describe('SlidingWindowThrottlerStorage', () => {
  const start = Date.UTC(2026, 10, 26, 12, 0, 0);
  let now = start;
  const clock = () => now;
  beforeEach(() => {
    now = start;
  });

  it('lets the limit through in a period, then blocks for the block duration and starts afresh', () => {
    const storage = new SlidingWindowThrottlerStorage(clock);
    const answers = Array.from({ length: 4 }, () => storage.hit('a', 60_000, 3, 60_000));
    expect(answers.map((answer) => [answer.totalHits, answer.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(answers[3].timeToBlockExpire).toBe(60);
    now += 30_500;
    expect(storage.hit('a', 60_000, 3, 60_000)).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    now = start + 60_001;
    expect(storage.hit('a', 60_000, 3, 60_000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('forgets each hit once it has left the window, never earlier', () => {
    const storage = new SlidingWindowThrottlerStorage(clock);
    storage.hit('a', 10_000, 3, 0);
    now += 4_000;
    storage.hit('a', 10_000, 3, 0);
    storage.hit('a', 10_000, 3, 0);
    // Three hits within 10 s: the next is refused and not counted.
    now = start + 9_999;
    expect(storage.hit('a', 10_000, 3, 0)).toMatchObject({ totalHits: 4, isBlocked: true });
    // The first hit has left the window: one call more.
    now = start + 11_000;
    expect(storage.hit('a', 10_000, 3, 0)).toMatchObject({ totalHits: 3, isBlocked: false });
    expect(storage.hit('a', 10_000, 3, 0)).toMatchObject({ isBlocked: true });
    now = start + 15_000;
    expect(storage.hit('a', 10_000, 3, 0)).toMatchObject({ totalHits: 2, isBlocked: false });
    now = start + 60_000;
    expect(storage.hit('a', 10_000, 3, 0)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('never lets more than the limit through in any period', () => {
    const storage = new SlidingWindowThrottlerStorage(clock);
    const passed: number[] = [];
    for (let ms = 0; ms < 30_000; ms += 37) {
      now = start + ms;
      if (!storage.hit('a', 5_000, 20, 0).isBlocked) passed.push(now);
    }
    for (const at of passed) expect(passed.filter((other) => other >= at && other < at + 5_000).length).toBeLessThanOrEqual(20);
    // And lets nearly as many through as allowed: 20 per 5 s (rounded to the second).
    expect(passed.length).toBeGreaterThanOrEqual((30 / 6) * 20);
  });

  it('counts callers and throttlers apart, and forgets callers gone quiet', async () => {
    const storage = new SlidingWindowThrottlerStorage(clock);
    await storage.increment('a', 60_000, 1, 60_000, 'default');
    expect((await storage.increment('a', 60_000, 1, 60_000, 'login')).isBlocked).toBe(false);
    expect((await storage.increment('b', 60_000, 1, 60_000, 'default')).isBlocked).toBe(false);
    expect((await storage.increment('a', 60_000, 1, 60_000, 'default')).isBlocked).toBe(true);
    now += 10 * 60_000;
    await storage.increment('c', 60_000, 1, 60_000, 'default');
    expect(storage.size).toBe(1);
  });

  it('counts a busy caller over the last period alone (to the second)', () => {
    const storage = new SlidingWindowThrottlerStorage(clock);
    for (let i = 0; i < 200_000; i++) {
      now = start + i;
      storage.hit('busy', 60_000, 1_000_000, 60_000);
    }
    const { totalHits } = storage.hit('busy', 60_000, 1_000_000, 60_000);
    expect(totalHits).toBeGreaterThanOrEqual(60_001);
    expect(totalHits).toBeLessThanOrEqual(61_001);
  });
});
