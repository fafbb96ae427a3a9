import type { RankingsDto } from '@scorecard/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./ranking-table', () => ({ loadRankings: vi.fn() }));

const { loadRankings } = await import('./ranking-table');
const fetched = vi.mocked(loadRankings);

async function freshModule() {
  vi.resetModules();
  return import('./rankings-prefetch');
}

const answer = { period: '2026-09', rows: [] } as unknown as RankingsDto;

describe('league table asked for ahead of its page', () => {
  beforeEach(() => {
    fetched.mockReset();
    fetched.mockResolvedValue(answer);
  });

  it('asks the nation for the country’s compact table, which the page then takes once', async () => {
    const early = await freshModule();
    early.prefetchRankingsFor(
      { period: '2026-09', level: 'county', province: '440000' },
      { role: 'national_admin' },
    );
    const query = {
      period: '2026-09',
      level: 'county' as const,
      scope: 'aggregate' as const,
      parent: null,
      view: 'table' as const,
    };
    expect(fetched).toHaveBeenCalledWith(query);
    await expect(early.takePrefetchedRankings(query)).resolves.toBe(answer);
    // Once: a later visit asks afresh.
    expect(early.takePrefetchedRankings(query)).toBeNull();
  });

  it('asks a province’s user for its own table, parent kept, and nothing before a month is named', async () => {
    const early = await freshModule();
    early.prefetchRankingsFor({ level: 'county' }, { role: 'province_admin' });
    early.prefetchRankingsFor({ level: 'county' }, null);
    expect(fetched).not.toHaveBeenCalled();
    early.prefetchRankingsFor(
      { period: '2026-09', level: 'county', parent: '330100' },
      { role: 'province_admin' },
    );
    const query = {
      period: '2026-09',
      level: 'county' as const,
      scope: 'aggregate' as const,
      parent: '330100',
      view: 'full' as const,
    };
    expect(fetched).toHaveBeenCalledWith(query);
    expect(early.takePrefetchedRankings({ ...query, parent: null })).toBeNull();
  });

  it('does not ask again for a table the page has asked for itself', async () => {
    const early = await freshModule();
    const query = {
      period: '2026-09',
      level: 'city' as const,
      scope: 'aggregate' as const,
      parent: null,
      view: 'table' as const,
    };
    expect(early.takePrefetchedRankings(query)).toBeNull();
    early.prefetchRankingsFor({ period: '2026-09' }, { role: 'national_admin' });
    expect(fetched).not.toHaveBeenCalled();
  });
});
