import type { RankingsDto, RankingView } from '@scorecard/contracts';
import { computed, type Ref, toValue, type MaybeRefOrGetter } from 'vue';
import { useAsyncData } from '../../shared/useAsyncData';
import type { RankingFilters } from './ranking-filters';
import { loadRankings } from './ranking-table';
import { takePrefetchedRankings } from './rankings-prefetch';

/**
 * Loads the league table for the current filters; a newer request cancels the one in flight,
 * so a slow answer never overwrites a newer one.
 */
export function useRankings(
  filters: Ref<RankingFilters>,
  view: MaybeRefOrGetter<RankingView> = 'full',
) {
  const { data, loading, error, reload } = useAsyncData<RankingsDto>(
    () => {
      const f = filters.value;
      return f.period
        ? `${f.period}|${f.level}|${f.scope}|${f.parent ?? ''}|${toValue(view)}`
        : null;
    },
    // Called only while the key is set, that is with a month chosen.
    (signal) => {
      const { period, level, scope, parent } = filters.value;
      const compact = toValue(view) === 'table';
      const query = {
        period: period as string,
        level,
        scope,
        parent,
        ...(compact ? { view: 'table' as const } : {}),
      };
      // Asked for already when the route was entered (see rankings-prefetch)?
      return takePrefetchedRankings(query) ?? loadRankings(query, signal);
    },
  );
  const rows = computed(() => data.value?.rows ?? []);

  return { data, rows, loading, error, reload };
}
