import { describe, expect, it } from 'vitest';
import { pageOf } from './page-of';

describe('pageOf', () => {
  it('slices 1-based pages', () => {
    const rows = Array.from({ length: 2900 }, (_, i) => i);
    expect(pageOf(rows, 1, 50)).toHaveLength(50);
    expect(pageOf(rows, 58, 50)).toEqual(rows.slice(2850));
    expect(pageOf(rows, 0, 50)[0]).toBe(0);
  });
});
