import { describe, expect, it } from 'vitest';
import { isOverdue, shanghaiToday } from './entry-deadline';

describe('entry deadline', () => {
  it('reads today in Shanghai time (UTC+8)', () => {
    expect(shanghaiToday(new Date('2026-11-05T15:59:00Z'))).toBe('2026-11-05');
    expect(shanghaiToday(new Date('2026-11-05T16:00:00Z'))).toBe('2026-11-06');
  });

  it('is overdue after the due date while the month is open and not submitted', () => {
    const base = { dueDate: '2026-11-05', periodStatus: 'open' as const };
    expect(isOverdue({ ...base, submissionStatus: null, today: '2026-11-06' })).toBe(true);
    expect(isOverdue({ ...base, submissionStatus: 'draft', today: '2026-11-06' })).toBe(true);
    expect(isOverdue({ ...base, submissionStatus: null, today: '2026-11-05' })).toBe(false);
    expect(isOverdue({ ...base, submissionStatus: 'submitted', today: '2026-11-20' })).toBe(false);
    expect(
      isOverdue({ ...base, periodStatus: 'locked', submissionStatus: null, today: '2026-11-20' }),
    ).toBe(false);
    expect(isOverdue({ ...base, dueDate: null, submissionStatus: null, today: '2026-12-01' })).toBe(
      false,
    );
  });
});
