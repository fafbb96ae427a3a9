import type { RankingsDto } from '@scorecard/contracts';
import { computed, onScopeDispose, type Ref, ref, shallowRef, watch } from 'vue';
import { isAbortError } from '../../shared/http';
import type { RankingFilters } from './ranking-filters';
import { fetchRankings } from './rankings.api';

/**
 * Loads the league table for the current filters; a newer request cancels the one in flight,
 * so a slow answer never overwrites a newer one.
 */
export function useRankings(filters: Ref<RankingFilters>) {
  const data = shallowRef<RankingsDto | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  async function load(): Promise<void> {
    const { period, level, scope, parent } = filters.value;
    controller?.abort();
    if (!period) return;
    const current = new AbortController();
    controller = current;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetchRankings({ period, level, scope, parent }, current.signal);
      if (controller === current) data.value = result;
    } catch (e) {
      if (controller !== current || isAbortError(e)) return;
      data.value = null;
      error.value = e;
    } finally {
      if (controller === current) {
        loading.value = false;
        controller = null;
      }
    }
  }

  watch(
    () => {
      const f = filters.value;
      return `${f.period}|${f.level}|${f.scope}|${f.parent ?? ''}`;
    },
    () => void load(),
    { immediate: true },
  );

  onScopeDispose(() => controller?.abort());

  const rows = computed(() => data.value?.rows ?? []);

  return { data, rows, loading, error, reload: load };
}
