import { describe, expect, it } from 'vitest';
import { visibleWindow } from './virtual-window';

const base = { viewportHeight: 440, rowHeight: 44, count: 2900, overscan: 5 };

describe('visibleWindow', () => {
  it.each([
    ['at the top: the rows in view and the overscan below', 0, { start: 0, end: 15 }],
    ['scrolled by a whole row', 44, { start: 0, end: 16 }],
    ['in the middle, overscan on both sides', 44 * 1000, { start: 995, end: 1015 }],
    ['part-way through a row', 44 * 1000 + 20, { start: 995, end: 1016 }],
    ['at the very end', 44 * 2890, { start: 2885, end: 2900 }],
    ['past the end (a list that just shrank)', 44 * 5000, { start: 2899, end: 2900 }],
    ['above the top (an elastic scroll)', -100, { start: 0, end: 15 }],
  ])('%s', (_, scrollTop, expected) => {
    expect(visibleWindow({ ...base, scrollTop })).toEqual(expected);
  });

  it('draws every row of a list shorter than the view', () => {
    expect(visibleWindow({ ...base, count: 3, scrollTop: 0 })).toEqual({ start: 0, end: 3 });
  });

  it('draws nothing for an empty list', () => {
    expect(visibleWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 });
  });
});
