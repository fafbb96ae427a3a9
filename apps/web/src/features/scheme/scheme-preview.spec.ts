import { describe, expect, it } from 'vitest';
import { moveCounts, previewLines, rankMove } from './scheme-preview';
import { previewFixture } from './scheme.fixture';

const codes = (lines: { agencyCode: string }[]) => lines.map((line) => line.agencyCode);

describe('preview rows', () => {
  it('counts a move up as positive', () => {
    expect(rankMove({ rank: 5, draftRank: 2 })).toBe(3);
    expect(rankMove({ rank: 2, draftRank: 5 })).toBe(-3);
    expect(rankMove({ rank: null, draftRank: 5 })).toBeNull();
  });

  it('lists the largest move either way first by default, the unranked last', () => {
    const rows = previewFixture().rows;
    const lines = previewLines(rows, { level: 'city', sort: 'magnitude', order: 'desc' });
    // ±4 (ties by the draft's rank: 330700 is 5th, 330600 9th), then ±2, ±1 (by draft rank), 0.
    expect(codes(lines)).toEqual([
      '330700',
      '330600',
      '330100',
      '330200',
      '330300',
      '330400',
      '330000',
      '330500',
    ]);
  });

  it('sorts by the signed move and by score, either way, keeping the unreported last', () => {
    const rows = previewFixture().rows;
    expect(codes(previewLines(rows, { level: 'city', sort: 'move', order: 'desc' }))).toEqual([
      '330700',
      '330200',
      '330300',
      '330400',
      '330100',
      '330600',
      '330000',
      '330500',
    ]);
    expect(
      codes(previewLines(rows, { level: 'city', sort: 'draftScore', order: 'asc' })).slice(-3),
    ).toEqual(['330200', '330000', '330500']);
    expect(codes(previewLines(rows, { level: 'county', sort: 'score', order: 'desc' }))).toEqual([
      '330105',
      '330102',
    ]);
  });

  it('counts who moves up, down or stays', () => {
    const lines = previewLines(previewFixture().rows, {
      level: 'city',
      sort: 'magnitude',
      order: 'desc',
    });
    expect(moveCounts(lines)).toEqual({ up: 3, down: 2, same: 1 });
  });
});
