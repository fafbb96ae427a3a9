import { describe, expect, it } from 'vitest';
import { CITY_ROWS } from '../../testing/rankings.fixture';
import { rankTiles, unreportedCount } from './scorecard-ranks';

const ranks = {
  inParent: { rank: 5, of: 11, rankChange: 1 },
  inLevel: { rank: 5, of: 11, rankChange: 1 },
};

describe('rank tiles', () => {
  it('gives a city one tile, among the cities of the province', () => {
    expect(rankTiles({ level: 'city', ranks }).map((tile) => tile.key)).toEqual(['inLevel']);
  });

  it('gives a county its place in its city and in the province', () => {
    const tiles = rankTiles({
      level: 'county',
      ranks: { ...ranks, inLevel: { rank: 17, of: 87, rankChange: null } },
    });
    expect(tiles).toEqual([
      { key: 'inParent', rank: 5, of: 11, rankChange: 1 },
      { key: 'inLevel', rank: 17, of: 87, rankChange: null },
    ]);
  });

  it('places an agency in the nation too when the deployment is national', () => {
    const inNation = { rank: 412, of: 2811, rankChange: -3 };
    expect(rankTiles({ level: 'county', ranks: { ...ranks, inNation } }).at(-1)).toEqual({
      key: 'inNation',
      ...inNation,
    });
    expect(
      rankTiles({ level: 'city', ranks: { ...ranks, inNation } }).map((tile) => tile.key),
    ).toEqual(['inLevel', 'inNation']);
    expect(rankTiles({ level: 'county', ranks: { ...ranks, inNation: null } })).toHaveLength(2);
  });

  it('counts the unreported of a league apart', () => {
    expect(unreportedCount(CITY_ROWS)).toBe(1);
    expect(unreportedCount(null)).toBeNull();
  });
});
