import type { RankingsDto } from '@scorecard/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '../../shared/http';
import { sessionFromLogin, writeSession } from '../auth/session';
import { testPlugins } from '../../testing/plugins';
import { CITY_ROWS, INDICATORS, PERIODS, rankingsFixture } from '../../testing/rankings.fixture';

vi.mock('../../shared/reference.api', () => ({
  fetchPeriods: vi.fn(),
  fetchAgencies: vi.fn(),
  fetchIndicators: vi.fn(),
}));
vi.mock('./rankings.api', () => ({ fetchRankings: vi.fn() }));
// ECharts needs a canvas; the option itself is tested in ranking-bar.option.spec.ts.
vi.mock('vue-echarts', () => ({
  default: defineComponent({
    name: 'VChart',
    props: { option: { type: Object, required: true }, loading: Boolean },
    setup: (props) => () =>
      h('div', { class: 'vchart-stub', 'data-loading': String(props.loading) }),
  }),
}));

const referenceApi = await import('../../shared/reference.api');
const rankingsApi = await import('./rankings.api');
const RankingsPage = (await import('./RankingsPage.vue')).default;

const AGENCIES = [
  { code: '330000', name: '浙江省', level: 'province' as const, parentCode: null },
  { code: '330100', name: '杭州市', level: 'city' as const, parentCode: '330000' },
  { code: '330200', name: '宁波市', level: 'city' as const, parentCode: '330000' },
];

async function mountPage(query: Record<string, string> = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/rankings', name: 'rankings', component: RankingsPage },
      { path: '/agencies/:code', name: 'scorecard', component: { render: () => null } },
    ],
  });
  await router.push({ path: '/rankings', query });
  const wrapper = mount(
    { render: () => h(RankingsPage) },
    {
      global: { plugins: [...testPlugins().plugins, router] },
      attachTo: document.body,
    },
  );
  await flushPromises();
  await vi.dynamicImportSettled();
  await flushPromises();
  return { wrapper, router };
}

function lastRankingsQuery() {
  return vi.mocked(rankingsApi.fetchRankings).mock.lastCall?.[0];
}

beforeEach(() => {
  vi.mocked(referenceApi.fetchPeriods).mockResolvedValue(PERIODS);
  vi.mocked(referenceApi.fetchAgencies).mockResolvedValue(AGENCIES);
  vi.mocked(referenceApi.fetchIndicators).mockResolvedValue(INDICATORS);
  vi.mocked(rankingsApi.fetchRankings).mockResolvedValue(rankingsFixture());
});

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('RankingsPage', () => {
  it('opens on the newest published month with cities, whole-city scope', async () => {
    const { wrapper, router } = await mountPage();
    expect(router.currentRoute.value.query).toEqual({ period: '2026-09' });
    expect(lastRankingsQuery()).toEqual({
      period: '2026-09',
      level: 'city',
      scope: 'aggregate',
      parent: null,
    });
    expect(referenceApi.fetchIndicators).toHaveBeenCalledWith({ period: '2026-09' });
    expect(wrapper.get('[data-testid="rank-330100"]').text()).toBe('1');
    expect(wrapper.get('[data-testid="ranking-chart"]').attributes('data-bar-count')).toBe('6');
    expect(wrapper.text()).toContain('地市');
    expect(wrapper.text()).toContain('区县');
    expect(wrapper.get('[data-testid="period-status"]').text()).toBe('已发布');
    expect(wrapper.get('[data-testid="ranking-status"]').text()).toContain('2026-10-06 10:30');
    expect(wrapper.find('[data-testid="stale-warning"]').exists()).toBe(false);
  });

  it('switches to counties, shows the city filter and still sends the scope', async () => {
    const { wrapper, router } = await mountPage();
    expect(wrapper.find('[data-testid="parent-select"]').exists()).toBe(false);
    await wrapper.get('[data-testid="level-county"] input').setValue(true);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ period: '2026-09', level: 'county' });
    expect(lastRankingsQuery()).toEqual({
      period: '2026-09',
      level: 'county',
      scope: 'aggregate',
      parent: null,
    });
    expect(wrapper.find('[data-testid="parent-select"]').exists()).toBe(true);
  });

  it('offers every month as YYYY-MM with its status and loads the one picked', async () => {
    const { wrapper, router } = await mountPage();
    expect(wrapper.get('[data-testid="period-select"]').text()).toContain('2026-09');
    await wrapper.get('[data-testid="period-select"]').trigger('click');
    await flushPromises();
    // The month select's items (the quarter / half-year / year select has its own).
    const items = [...document.body.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].filter(
      (item) => /^\s*\d{4}-\d{2}/.test(item.textContent ?? ''),
    );
    expect(items.map((item) => item.textContent?.replace(/\s+/g, ''))).toEqual([
      '2026-10采集中',
      '2026-09已发布',
      '2026-08已发布',
    ]);
    items[0]?.click();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ period: '2026-10' });
    expect(lastRankingsQuery()).toMatchObject({ period: '2026-10', level: 'city' });
  });

  it('loads the view given in the URL', async () => {
    await mountPage({ period: '2026-08', level: 'county', parent: '330100', scope: 'own' });
    expect(lastRankingsQuery()).toEqual({
      period: '2026-08',
      level: 'county',
      scope: 'own',
      parent: '330100',
    });
  });

  it('warns when results are stale', async () => {
    vi.mocked(rankingsApi.fetchRankings).mockResolvedValue(rankingsFixture({ stale: true }));
    const { wrapper } = await mountPage();
    expect(wrapper.get('[data-testid="stale-warning"]').text()).toBe('结果待重新计算');
  });

  it('shows an error with a retry that reloads', async () => {
    vi.mocked(rankingsApi.fetchRankings).mockRejectedValueOnce(
      new ApiError('http', 500, 'Internal server error'),
    );
    const { wrapper } = await mountPage();
    const alert = wrapper.get('[data-testid="rankings-error"]');
    expect(alert.text()).toContain('排名数据加载失败');
    expect(alert.text()).toContain('Internal server error');
    expect(wrapper.find('[data-testid="ranking-table"]').exists()).toBe(false);

    await wrapper.get('[data-testid="rankings-retry"]').trigger('click');
    await flushPromises();
    await vi.dynamicImportSettled();
    expect(rankingsApi.fetchRankings).toHaveBeenCalledTimes(2);
    expect(wrapper.find('[data-testid="rankings-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="rank-330300"]').text()).toBe('2');
  });

  it('shows an empty state when nothing matches', async () => {
    const empty: RankingsDto = rankingsFixture({ rows: [] });
    vi.mocked(rankingsApi.fetchRankings).mockResolvedValue(empty);
    const { wrapper } = await mountPage();
    expect(wrapper.find('[data-testid="rankings-empty"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="ranking-table"]').exists()).toBe(false);
  });

  it('keeps only unreported rows out of the chart but in the table', async () => {
    const allUnreported = CITY_ROWS.map((r) => ({
      ...r,
      rank: null,
      score: null,
      grade: null,
      reported: false,
    }));
    vi.mocked(rankingsApi.fetchRankings).mockResolvedValue(
      rankingsFixture({ rows: allUnreported }),
    );
    const { wrapper } = await mountPage();
    expect(wrapper.find('[data-testid="ranking-chart"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="ranking-table"]').text()).toContain('未报送');
  });

  it('gives the national administrator the country’s tables, ranked nationally, narrowed by province', async () => {
    writeSession(
      localStorage,
      sessionFromLogin(
        {
          accessToken: 'access',
          refreshToken: 'refresh',
          expiresIn: 900,
          user: {
            username: 'nation',
            role: 'national_admin',
            agencyCode: '000000',
            displayName: '',
            mustChangePassword: false,
          },
        },
        Date.now(),
      ),
    );
    vi.mocked(referenceApi.fetchAgencies).mockResolvedValue([
      { code: '000000', name: '全国', level: 'nation', parentCode: null },
      { code: '330000', name: '浙江省', level: 'province', parentCode: '000000' },
      { code: '330100', name: '杭州市', level: 'city', parentCode: '330000' },
      { code: '440000', name: '广东省', level: 'province', parentCode: '000000' },
      { code: '440100', name: '广州市', level: 'city', parentCode: '440000' },
    ]);
    vi.mocked(referenceApi.fetchPeriods).mockResolvedValue(
      PERIODS.map((month) => ({ ...month, reportedCount: 3240, expectedCount: 3340 })),
    );
    const [hangzhou] = CITY_ROWS;
    if (!hangzhou) throw new Error('fixture rows missing');
    vi.mocked(rankingsApi.fetchRankings).mockResolvedValue(
      rankingsFixture({
        rows: [
          { ...hangzhou, rank: 1 },
          { ...hangzhou, agencyCode: '440100', name: '广州市', parentCode: '440000', rank: 7 },
        ],
      }),
    );
    const { wrapper } = await mountPage({ period: '2026-09', province: '440000' });

    // One answer for the whole country: the province narrows it here, the ranks stay national.
    expect(lastRankingsQuery()).toEqual({
      period: '2026-09',
      level: 'city',
      scope: 'aggregate',
      parent: null,
      // Compact: the country's tables run to thousands of rows.
      view: 'table',
    });
    expect(wrapper.get('[data-testid="rankings-title"]').text()).toBe('全国地市排名');
    expect(wrapper.find('[data-testid="level-province"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="province-select"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="ranking-table"]').exists()).toBe(false);
    const ranks = wrapper.findAll('[data-testid^="rank-"]');
    expect(ranks.map((rank) => [rank.attributes('data-testid'), rank.text()])).toEqual([
      ['rank-440100', '7'],
    ]);
    expect(wrapper.get('[data-testid="region-440100"]').text()).toBe('广东省');
    expect(wrapper.get('[data-testid="national-table"]').text()).toContain('全国排名');
    // A country's counts are read with thousands separators.
    expect(wrapper.get('[data-testid="ranking-status"]').text()).toContain('已报送 3,240 / 3,340');
  });
});
