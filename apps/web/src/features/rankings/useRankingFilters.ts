import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { parseRankingQuery, type RankingFilters, toRankingQuery } from './ranking-filters';

/** League-table filters kept in the URL query (`?period=2026-09&level=county&parent=330100`). */
export function useRankingFilters() {
  const route = useRoute();
  const router = useRouter();

  const filters = computed<RankingFilters>(() => parseRankingQuery(route.query));

  async function update(patch: Partial<RankingFilters>): Promise<void> {
    const next: RankingFilters = { ...filters.value, ...patch };
    if (next.level !== 'county') next.parent = null;
    if (next.level === 'province') next.province = null;
    // A city chosen belongs to the province it was chosen in.
    if (next.province !== filters.value.province && patch.parent === undefined) next.parent = null;
    await router.replace({ query: toRankingQuery(next) });
  }

  return { filters, update };
}
