import type { IndicatorDto, PeriodDto } from '@scorecard/contracts';
import { storeToRefs } from 'pinia';
import { computed, shallowRef, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { defaultPeriod, queryPeriod, queryWindowPeriod } from './period';
import { useAsyncData } from './useAsyncData';
import { useReferenceStore } from './useReferenceStore';

export interface PeriodQueryOptions {
  /** The month to open on when the address names none (default: the newest published). */
  initial?: (periods: readonly PeriodDto[]) => string | null;
  /** Load the agencies too (default true). */
  agencies?: boolean;
  /** Load the month's indicator scheme into `indicators` (default true). */
  scheme?: boolean;
  /**
   * Write the month opened on into the address (default true). Otherwise the page assumes it
   * while the address names none.
   */
  mirror?: boolean;
  /** Accept a quarter, half-year or year (`?period=2026-Q3`) besides a month (default false). */
  windows?: boolean;
  /** For a page that keeps its own filters in the address: how it reads and writes the month. */
  query?: { read: () => string | null; write: (period: string | null) => unknown };
}

/**
 * The month a page shows, kept in the address (`?period=2026-09`): loads the months (and the
 * agencies), opens on a default month when the address names none, and loads the month's
 * indicator scheme.
 */
export function usePeriodQuery(options: PeriodQueryOptions = {}) {
  const { initial = defaultPeriod, agencies = true, scheme = true, mirror = true } = options;
  const route = useRoute();
  const router = useRouter();
  const reference = useReferenceStore();
  const { periods } = storeToRefs(reference);

  const referenceState = useAsyncData(
    () => 'reference',
    async () => {
      await Promise.all([reference.loadPeriods(), agencies ? reference.loadAgencies() : null]);
      return true;
    },
  );

  const named = computed(() =>
    options.query
      ? options.query.read()
      : options.windows
        ? queryWindowPeriod(route.query.period)
        : queryPeriod(route.query.period),
  );
  const period = computed(() => named.value ?? (mirror ? null : initial(periods.value)));
  function setPeriod(value: string | null): void {
    if (options.query) void options.query.write(value);
    else void router.replace({ query: { ...route.query, period: value ?? undefined } });
  }
  if (mirror) {
    watch(
      () => [referenceState.data.value, named.value] as const,
      ([loaded, current]) => {
        const first = loaded && !current ? initial(periods.value) : null;
        if (first) setPeriod(first);
      },
      { immediate: true },
    );
  }
  const periodModel = computed({ get: () => period.value, set: setPeriod });
  const selectedPeriod = computed(() => periods.value.find((p) => p.period === period.value));

  /** The month's indicator scheme; empty until loaded, or when it cannot be. */
  const indicators = shallowRef<IndicatorDto[]>([]);
  const indicatorsError = shallowRef<unknown>(null);
  async function loadScheme(value: string | null): Promise<void> {
    if (!value || !scheme) return;
    try {
      // A window answers the indicators it is scored with (those of its last published month).
      indicators.value = await reference.loadIndicatorsOf(value);
      indicatorsError.value = null;
    } catch (e) {
      indicators.value = [];
      indicatorsError.value = e;
    }
  }
  watch(period, loadScheme, { immediate: true });

  /** Loads the months, agencies and scheme again (after an error). */
  function retry(): void {
    void referenceState.reload();
    void loadScheme(period.value);
  }

  return {
    periods,
    period,
    periodModel,
    selectedPeriod,
    referenceState,
    indicators,
    indicatorsError,
    retry,
  };
}
