import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { type OverviewFilters, parseOverviewQuery, toOverviewQuery } from './overview-filters';

/** Overview filters kept in the URL; drilling down pushes a history entry so Back returns. */
export function useOverviewFilters() {
  const route = useRoute();
  const router = useRouter();
  const filters = computed<OverviewFilters>(() => parseOverviewQuery(route.query));

  async function update(patch: Partial<OverviewFilters>, push = false): Promise<void> {
    const next: OverviewFilters = { ...filters.value, ...patch };
    if (next.parent) next.level = 'county';
    const location = { query: toOverviewQuery(next) };
    await (push ? router.push(location) : router.replace(location));
  }

  return { filters, update };
}
