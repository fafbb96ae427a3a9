import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { queryPeriod, queryText } from '../../shared/period';

/**
 * A follow-up list's filters mirrored in the URL: the month, the status (one of `statuses`) and
 * the page; a new month or status starts from the first page.
 */
export function useFollowUpFilters<Status extends string>(statuses: readonly Status[]) {
  const route = useRoute();
  const router = useRouter();
  const period = computed(() => queryPeriod(route.query.period) ?? '');
  const status = computed((): Status | '' => {
    const value = queryText(route.query.status) ?? '';
    return (statuses as readonly string[]).includes(value) ? (value as Status) : '';
  });
  const page = computed(() => Math.max(1, Number(queryText(route.query.page) ?? '1') || 1));
  function setQuery(key: 'period' | 'status' | 'page', value: string): void {
    const query = { ...route.query, [key]: value || undefined };
    if (key !== 'page') delete query.page;
    void router.replace({ query });
  }
  return {
    period,
    status,
    page,
    setQuery,
    periodModel: computed({ get: () => period.value, set: (v: string) => setQuery('period', v) }),
    statusModel: computed({
      get: (): string => status.value,
      set: (v: string) => setQuery('status', v),
    }),
  };
}
