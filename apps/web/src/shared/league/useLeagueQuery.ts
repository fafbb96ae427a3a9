import { computed, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { type LeagueQuery, parseLeagueQuery, withLeagueQuery } from './league-query';

/**
 * The league table's search, page and page size, kept in the URL query (`?q=&page=&size=`) so a
 * view can be shared and Back returns to it; held locally where there is no router (unit tests).
 */
export function useLeagueQuery() {
  const router = useRouter() as ReturnType<typeof useRouter> | undefined;
  const route = useRoute() as ReturnType<typeof useRoute> | undefined;
  const local = ref<LeagueQuery>(parseLeagueQuery({}));

  const state = computed<LeagueQuery>(() =>
    route && router ? parseLeagueQuery(route.query) : local.value,
  );

  function update(patch: Partial<LeagueQuery>): void {
    const next = { ...state.value, ...patch };
    if (!route || !router) {
      local.value = next;
      return;
    }
    void router.replace({ query: withLeagueQuery(route.query, next) });
  }

  return { state, update };
}
