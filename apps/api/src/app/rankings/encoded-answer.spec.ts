import { gunzipSync } from 'node:zlib';
import { EncodedAnswer, matchesAnswer, preferredCoding } from './encoded-answer';

describe('preferredCoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['GZIP;Q=0.8', 'gzip'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['deflate, br;q=0.9', 'br'],
  ])('Accept-Encoding %p → %p', (header, expected) => {
    expect(preferredCoding(header)).toBe(expected);
  });
});

describe('EncodedAnswer', () => {
  const answer = EncodedAnswer.of({ period: '2026-09', rows: [{ agencyCode: '330102', score: 87.81 }] });

  it('tags equal answers alike and different answers apart', () => {
    expect(EncodedAnswer.of({ period: '2026-09', rows: [{ agencyCode: '330102', score: 87.81 }] }).etag).toBe(answer.etag);
    expect(EncodedAnswer.of({ period: '2026-09', rows: [{ agencyCode: '330102', score: 87.82 }] }).etag).not.toBe(answer.etag);
  });

  it('gives each coding a tag of its own', () => {
    expect(new Set([answer.tagOf(null), answer.tagOf('gzip'), answer.tagOf('br')]).size).toBe(3);
    expect(gunzipSync(answer.body('gzip')).equals(answer.body(null))).toBe(true);
  });

  it.each([
    [undefined, false],
    ['"nope"', false],
    ['*', true],
  ])('If-None-Match %p → %p', (header, expected) => {
    expect(matchesAnswer(header, answer)).toBe(expected);
  });

  it('matches its tag in any coding, weak or strong, among others', () => {
    for (const coding of [null, 'gzip', 'br'] as const) {
      expect(matchesAnswer(answer.tagOf(coding), answer)).toBe(true);
      expect(matchesAnswer(`"a", W/${answer.tagOf(coding)}`, answer)).toBe(true);
    }
    expect(matchesAnswer(`"${answer.etag}x"`, answer)).toBe(false);
  });

  it('counts the compressed forms in its size once made', () => {
    const fresh = EncodedAnswer.of({ rows: Array.from({ length: 50 }, (_, i) => ({ code: i })) });
    const before = fresh.byteSize;
    expect(fresh.compressed().byteSize).toBeGreaterThan(before);
  });
});
