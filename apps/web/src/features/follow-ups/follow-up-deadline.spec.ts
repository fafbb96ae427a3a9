import { describe, expect, it } from 'vitest';
import { daysLeftMessage } from './follow-up-deadline';

describe('daysLeftMessage', () => {
  it.each([
    [3, false, { key: 'followUps.daysLeft', count: 3 }],
    [1, false, { key: 'followUps.daysLeft', count: 1 }],
    [0, false, { key: 'followUps.dueToday', count: 0 }],
    [-2, false, { key: 'followUps.daysOverdue', count: 2 }],
    [-2, true, null],
    [5, true, null],
  ])('reads %i working days left (done: %s) as %j', (workingDaysLeft, done, expected) => {
    expect(daysLeftMessage({ workingDaysLeft, done })).toEqual(expected);
  });
});
