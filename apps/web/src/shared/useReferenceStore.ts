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
  const indicatorsByMonth = ref<Record<string, IndicatorDto[]>>({});

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

  /**
   * The indicators in force in `period`: a month's own scheme version; a window (quarter, half,
   * year) is read with its year's latest version.
   */
  async function loadIndicatorsOf(period: string): Promise<IndicatorDto[]> {
    if (!/^\d{4}-\d{2}$/.test(period)) return loadIndicators(Number(period.slice(0, 4)));
    const cached = indicatorsByMonth.value[period];
    if (cached) return cached;
    const scheme = [...(await fetchIndicators({ period }))].sort(
      (a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code),
    );
    indicatorsByMonth.value = { ...indicatorsByMonth.value, [period]: scheme };
    return scheme;
  }

  /** Drops the cached schemes (after a new version is saved, months may have other indicators). */
  function forgetIndicators(): void {
    indicatorsByYear.value = {};
    indicatorsByMonth.value = {};
  }

  function $reset(): void {
    periods.value = [];
    agencies.value = [];
    forgetIndicators();
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
    loadIndicatorsOf,
    forgetIndicators,
    $reset,
  };
});
