import { describe, expect, it } from 'vitest';
import { trafficLight } from './traffic-light';

describe('trafficLight', () => {
  it.each([
    [1.0001, 'met'],
    [1, 'met'],
    [0.9, 'below'],
    [0.6001, 'below'],
    [0.6, 'failing'],
    [0.1, 'failing'],
    [null, 'na'],
    [Number.NaN, 'na'],
  ])('rate %s against target 100 %% / floor 60 %% → %s', (rate, expected) => {
    expect(trafficLight(rate, 1, 0.6)).toBe(expected);
  });
});
