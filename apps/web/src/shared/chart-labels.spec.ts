import { describe, expect, it } from 'vitest';
import { wrapLabel } from './chart-labels';

describe('wrapLabel', () => {
  it('breaks a long name into short lines', () => {
    expect(wrapLabel('参保单位年检率', 4)).toBe('参保单位\n年检率');
    expect(wrapLabel('满意度', 4)).toBe('满意度');
    expect(wrapLabel('', 4)).toBe('');
  });
});
