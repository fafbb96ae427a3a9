import type { AgencyDto, IndicatorDto, PeriodDto } from '@scorecard/contracts';
import { buildAgencyTree } from '@scorecard/scoring';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { fetchAgencies, fetchIndicators, fetchPeriods } from './reference.api';

/**
 * Reference data shared by pages: months, the indicator scheme per year and the agency tree.
 * Agencies and schemes are cached for the session; months are reloaded on demand.
 */
export const useReferenceStore = defineStore('reference', () => {
  const periods = shallowRef<PeriodDto[]>([]);
  const agencies = shallowRef<AgencyDto[]>([]);
  const indicatorsByYear = ref<Record<number, IndicatorDto[]>>({});

  const cities = computed(() =>
    agencies.value.filter((a) => a.level === 'city').sort((a, b) => a.code.localeCompare(b.code)),
  );

  const agencyByCode = computed(() => new Map(agencies.value.map((a) => [a.code, a])));

  /** The agencies as a tree, for asking who reaches which (`@scorecard/access`). */
  const agencyTree = computed(() => buildAgencyTree(agencies.value));

  async function loadPeriods(): Promise<PeriodDto[]> {
    periods.value = await fetchPeriods();
    return periods.value;
  }

  async function loadAgencies(): Promise<AgencyDto[]> {
    if (!agencies.value.length) agencies.value = await fetchAgencies();
    return agencies.value;
  }

  async function loadIndicators(year: number): Promise<IndicatorDto[]> {
    const cached = indicatorsByYear.value[year];
    if (cached) return cached;
    const scheme = [...(await fetchIndicators(year))].sort(
      (a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
    );
    indicatorsByYear.value = { ...indicatorsByYear.value, [year]: scheme };
    return scheme;
  }

  function $reset(): void {
    periods.value = [];
    agencies.value = [];
    indicatorsByYear.value = {};
  }

  return {
    periods,
    agencies,
    cities,
    agencyByCode,
    agencyTree,
    indicatorsByYear,
    loadPeriods,
    loadAgencies,
    loadIndicators,
    $reset,
  };
});
