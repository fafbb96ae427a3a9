import { isStarTallySealed } from './star-tally-sealed';

describe('isStarTallySealed', () => {
  it.each([
    ['open', true],
    ['publicizing', false],
    ['confirmed', false],
  ] as const)('%s → %s', (status, sealed) => {
    expect(isStarTallySealed(status)).toBe(sealed);
  });
});
