import type { CompletenessDto, RankingRowDto, RankingsDto } from '@scorecard/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '../../shared/http';
import { testPlugins } from '../../testing/plugins';
import { CITY_ROWS, INDICATORS, PERIODS, rankingsFixture } from '../../testing/rankings.fixture';

vi.mock('../../shared/reference.api', () => ({
  fetchPeriods: vi.fn(),
  fetchAgencies: vi.fn(),
  fetchIndicators: vi.fn(),
}));
vi.mock('./overview.api', () => ({ fetchLevelRanking: vi.fn(), fetchCompleteness: vi.fn() }));
vi.mock('../entry/submissions.api', () => ({
  fetchSubmission: vi.fn(),
  approveSubmission: vi.fn(),
  returnSubmission: vi.fn(),
}));
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    name: 'VChart',
    props: { option: { type: Object, required: true }, loading: Boolean },
    setup: () => () => h('div', { class: 'vchart-stub' }),
  }),
}));

const referenceApi = await import('../../shared/reference.api');
const overviewApi = await import('./overview.api');
const OverviewPage = (await import('./OverviewPage.vue')).default;

const AGENCIES = [
  { code: '330000', name: '浙江省', level: 'province' as const, parentCode: null },
  { code: '330100', name: '杭州市', level: 'city' as const, parentCode: '330000' },
  { code: '330200', name: '宁波市', level: 'city' as const, parentCode: '330000' },
];
const [HANGZHOU] = CITY_ROWS;
if (!HANGZHOU) throw new Error('fixture rows missing');
const PROVINCE_ROW: RankingRowDto = {
  ...HANGZHOU,
  agencyCode: '330000',
  name: '浙江省',
  level: 'province',
};
const COMPLETENESS: CompletenessDto = {
  period: '2026-09',
  status: 'published',
  dueDate: '2026-10-05',
  province: {
    expected: 102,
    reported: 101,
    onTime: 95,
    approved: 101,
    waived: 0,
    completeness: 101 / 102,
    timeliness: 95 / 102,
  },
  cities: [],
  byCity: [],
  missing: [],
};

function ranking(level: string): RankingsDto {
  if (level === 'province')
    return rankingsFixture({ level: 'province', rows: [{ ...PROVINCE_ROW }] });
  return rankingsFixture({ level: level as 'city' | 'county' });
}

async function mountPage(query: Record<string, string> = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/overview', name: 'overview', component: OverviewPage },
      {
        path: '/agencies/:code',
        name: 'scorecard',
        component: { render: () => null },
      },
    ],
  });
  await router.push({ path: '/overview', query });
  const wrapper = mount(
    { render: () => h(OverviewPage) },
    { global: { plugins: [...testPlugins().plugins, router] }, attachTo: document.body },
  );
  await flushPromises();
  await vi.dynamicImportSettled();
  await flushPromises();
  return { wrapper, router };
}

beforeEach(() => {
  vi.mocked(referenceApi.fetchPeriods).mockResolvedValue(PERIODS);
  vi.mocked(referenceApi.fetchAgencies).mockResolvedValue(AGENCIES);
  vi.mocked(referenceApi.fetchIndicators).mockResolvedValue(INDICATORS);
  vi.mocked(overviewApi.fetchLevelRanking).mockImplementation((query) =>
    Promise.resolve(ranking(query.level)),
  );
  vi.mocked(overviewApi.fetchCompleteness).mockResolvedValue(COMPLETENESS);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('OverviewPage', () => {
  it('opens on the newest published month with KPI tiles and the city league table', async () => {
    const { wrapper, router } = await mountPage();
    expect(router.currentRoute.value.query).toEqual({ period: '2026-09' });
    expect(wrapper.get('[data-testid="kpi-satisfaction"]').text()).toContain('87.81 %');
    expect(wrapper.get('[data-testid="kpi-satisfaction"]').text()).toContain('目标 90.00 %');
    expect(wrapper.get('[data-testid="kpi-completeness"]').text()).toContain('99.02 %');
    expect(wrapper.get('[data-testid="league-rank-330100"]').text()).toBe('1');
    expect(wrapper.get('[data-testid="league-table"]').text()).toContain('未报送');
    // A traffic-light cell says in words how it stands, not by colour alone.
    expect(
      wrapper.get('[data-testid="cell-330100-satisfaction"]').attributes('aria-label'),
    ).toContain('87.81 %, 未达标');
  });

  it('drills into a city: counties of that city, breadcrumb, a history entry to go back to', async () => {
    const { wrapper, router } = await mountPage();
    await wrapper.get('[data-testid="agency-330100"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({
      period: '2026-09',
      level: 'county',
      parent: '330100',
    });
    expect(vi.mocked(overviewApi.fetchLevelRanking)).toHaveBeenCalledWith(
      { period: '2026-09', level: 'county', scope: 'aggregate', parent: '330100' },
      expect.anything(),
    );
    expect(wrapper.get('[data-testid="crumb-city"]').text()).toBe('杭州市');
  });

  it('says completeness is for the province only when the API answers 403', async () => {
    vi.mocked(overviewApi.fetchCompleteness).mockRejectedValue(
      new ApiError('http', 403, 'Only the province'),
    );
    const { wrapper } = await mountPage();
    expect(wrapper.get('[data-testid="kpi-completeness"]').text()).toContain('仅省级管理员可见');
  });

  it('shows an error with a retry when the league table cannot load', async () => {
    vi.mocked(overviewApi.fetchLevelRanking).mockImplementation((query) =>
      query.level === 'city'
        ? Promise.reject(new ApiError('http', 500, 'Internal server error'))
        : Promise.resolve(ranking(query.level)),
    );
    const { wrapper } = await mountPage();
    expect(wrapper.get('[data-testid="overview-table-error"]').text()).toContain(
      'Internal server error',
    );
  });
});
