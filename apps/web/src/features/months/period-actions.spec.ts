import { describe, expect, it } from 'vitest';
import { actionsFor, isReason } from './period-actions';

describe('period actions', () => {
  it('follows the month lifecycle', () => {
    expect(actionsFor('open')).toEqual(['lock', 'compute']);
    expect(actionsFor('locked')).toEqual(['publish']);
    expect(actionsFor('published')).toEqual(['reopen']);
  });

  it('wants a written reason', () => {
    expect(isReason('更正数据')).toBe(true);
    expect(isReason(' x ')).toBe(false);
    expect(isReason(null)).toBe(false);
  });
});
