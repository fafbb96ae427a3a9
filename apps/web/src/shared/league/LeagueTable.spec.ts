import type { RankingRowDto } from '@scorecard/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AppLocale } from '../../i18n';
import { CITY_CODES_BY_RANK, CITY_ROWS, INDICATORS } from '../../testing/rankings.fixture';
import { testPlugins } from '../../testing/plugins';
import LeagueTable from './LeagueTable.vue';
import { sortRankingRows } from './ranking-sort';

afterEach(() => {
  document.body.innerHTML = '';
});

function testRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'rankings', component: { render: () => null } },
      { path: '/agencies/:code', name: 'scorecard', component: { render: () => null } },
    ],
  });
}

async function mountTable(locale: AppLocale = 'zh-CN') {
  const router = testRouter();
  await router.push('/');
  const wrapper = mount(LeagueTable, {
    props: { rows: CITY_ROWS, indicators: INDICATORS, variant: 'rankings', period: '2026-09' },
    global: { plugins: [...testPlugins(locale).plugins, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

function rankOf(wrapper: Awaited<ReturnType<typeof mountTable>>, code: string): string {
  return wrapper.get(`[data-testid="rank-${code}"]`).text();
}

function bodyRowCodes(wrapper: Awaited<ReturnType<typeof mountTable>>): string[] {
  return wrapper
    .findAll('.el-table__body tbody tr [data-agency-code]')
    .map((el) => el.attributes('data-agency-code') ?? '');
}

describe('LeagueTable', () => {
  it('is marked for browser tests and lists each agency once', async () => {
    const wrapper = await mountTable();
    expect(wrapper.find('[data-testid="ranking-table"]').exists()).toBe(true);
    // 未报送 (330700) is listed apart, below the table.
    expect(bodyRowCodes(wrapper)).toEqual(CITY_CODES_BY_RANK.filter((code) => code !== '330700'));
    expect(wrapper.findAll('[data-testid="rank-330100"]')).toHaveLength(1);
    expect(wrapper.find('tr.ranking-row--330100').exists()).toBe(true);
  });

  it('shows ranks with ties sharing a number', async () => {
    const wrapper = await mountTable();
    expect(rankOf(wrapper, '330100')).toBe('1');
    expect(rankOf(wrapper, '330200')).toBe('2');
    expect(rankOf(wrapper, '330300')).toBe('2');
    expect(rankOf(wrapper, '330400')).toBe('4');
  });

  it('lists unreported agencies apart, below the ranked, as 未报送 (n)', async () => {
    const wrapper = await mountTable();
    expect(wrapper.find('[data-testid="rank-330700"]').exists()).toBe(false);
    expect(bodyRowCodes(wrapper)).not.toContain('330700');
    const group = wrapper.get('[data-testid="unreported-group"]');
    expect(group.text()).toContain('未报送 (1)');
    expect(group.get('.ranking-row--330700').classes()).toContain('ranking-row--unreported');
    expect(wrapper.get('[data-testid="league-count"]').text()).toContain('6 个机构参与排名');
  });

  it('adds an extra column beside each agency through the extra slot, the 未报送 ones included', async () => {
    const router = testRouter();
    await router.push('/');
    const wrapper = mount(LeagueTable, {
      props: {
        rows: CITY_ROWS,
        indicators: INDICATORS,
        variant: 'rankings',
        extraLabel: '审核状态',
      },
      slots: {
        extra: `<template #extra="{ row }"><b class="extra">审核 {{ row.agencyCode }}</b></template>`,
      },
      global: { plugins: [...testPlugins('zh-CN').plugins, router] },
      attachTo: document.body,
    });
    await flushPromises();
    const headers = wrapper.findAll('.el-table__header th').map((th) => th.text());
    expect(headers.slice(0, 3)).toEqual([
      expect.stringContaining('排名'),
      expect.stringContaining('机构'),
      '审核状态',
    ]);
    const extras = wrapper.findAll('.extra').map((el) => el.text());
    expect(extras).toContain('审核 330100');
    expect(wrapper.get('[data-testid="unreported-group"]').text()).toContain('审核 330700');
    expect(extras).toHaveLength(CITY_ROWS.length);
  });

  it('has no extra column without the slot', async () => {
    const wrapper = await mountTable();
    expect(wrapper.findAll('.el-table__header th').map((th) => th.text())).not.toContain('');
    expect(wrapper.findAll('.el-table__header th')).toHaveLength(5 + INDICATORS.length);
  });

  it('links each agency name to its scorecard for the month shown', async () => {
    const wrapper = await mountTable();
    const link = wrapper.get('[data-testid="agency-link-330100"]');
    expect(link.attributes('href')).toBe('/agencies/330100?period=2026-09');
    expect(wrapper.get('[data-testid="agency-link-330700"]').attributes('href')).toContain(
      '/agencies/330700',
    );
  });

  it('searches by name or code and keeps the search and page in the URL', async () => {
    const router = testRouter();
    await router.push('/?q=3302');
    const wrapper = mount(LeagueTable, {
      props: { rows: CITY_ROWS, indicators: INDICATORS, variant: 'rankings' },
      global: { plugins: [...testPlugins().plugins, router] },
      attachTo: document.body,
    });
    await flushPromises();
    expect(bodyRowCodes(wrapper)).toEqual(['330200']);
    await wrapper.setProps({ rows: NATION.slice(0, 130) });
    await router.push('/?page=3&size=20');
    await flushPromises();
    expect(bodyRowCodes(wrapper)[0]).toBe(String(110101 + 40));
    expect(bodyRowCodes(wrapper)).toHaveLength(20);
    // Typing a search goes to the URL, back to the first page.
    await wrapper.get('input[data-testid="ranking-search"]').setValue('区县7');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await flushPromises();
    expect(router.currentRoute.value.query).toMatchObject({ q: '区县7', size: '20' });
    expect(router.currentRoute.value.query.page).toBeUndefined();
  });

  it('shows score with 2 decimals, grade as text, and rank change with an aria-label', async () => {
    const wrapper = await mountTable();
    expect(wrapper.get('[data-testid="score-330400"]').text()).toBe('71.20');
    const first = wrapper.get('tr.ranking-row--330100');
    expect(first.get('.grade-tag').text()).toBe('优秀');
    const up = first.get('.rank-change');
    expect(up.text()).toBe('▲2');
    expect(up.attributes('aria-label')).toBe('上升 2 名');
    const down = wrapper.get('tr.ranking-row--330500 .rank-change');
    expect(down.text()).toBe('▼3');
    expect(down.attributes('aria-label')).toBe('下降 3 名');
    expect(wrapper.get('tr.ranking-row--330400 .rank-change').attributes('aria-label')).toBe(
      '无上月名次',
    );
  });

  it('has one column per indicator with rates as percentages or 不适用', async () => {
    const wrapper = await mountTable();
    const headers = wrapper
      .findAll('.el-table__header th')
      .map((th) => th.text().replace(/[▲▼⇅]/g, ''));
    expect(headers).toEqual([
      '排名',
      '机构',
      '综合得分',
      '等级',
      '名次变化',
      ...INDICATORS.map((i) => i.nameZh),
    ]);
    const rates = wrapper
      .get('tr.ranking-row--330100')
      .findAll('.rate')
      .map((c) => c.text());
    expect(rates).toEqual([
      '100.01 %',
      '94.97 %',
      '不适用',
      '98.00 %',
      '100.00 %',
      '95.00 %',
      '87.81 %',
    ]);
    const collection = wrapper.get('tr.ranking-row--330100').findAll('.rate')[1];
    expect(collection?.attributes('title')).toBe('分子 ¥123,456.78 / 分母 ¥130,000.00');
  });

  it('sorts from keyboard-focusable header buttons, keeping 未报送 last', async () => {
    const wrapper = await mountTable();
    const scoreHeader = wrapper
      .findAll('button.sort-header')
      .find((b) => b.text().startsWith('综合得分'));
    expect(scoreHeader?.element.tagName).toBe('BUTTON');
    await scoreHeader?.trigger('click'); // score, natural order: descending
    expect(bodyRowCodes(wrapper)[0]).toBe('330100');
    await scoreHeader?.trigger('click'); // ascending
    // The order ranking-sort.spec.ts spells out: lowest score first, 未报送 still last.
    const ascending = sortRankingRows(CITY_ROWS, { key: 'score', order: 'asc' });
    expect(bodyRowCodes(wrapper)).toEqual(
      ascending.filter((row) => row.reported).map((row) => row.agencyCode),
    );
    expect(scoreHeader?.attributes('aria-label')).toBe('按“综合得分”排序, 当前升序');
  });

  it('switches to English', async () => {
    const wrapper = await mountTable('en');
    expect(wrapper.get('[data-testid="unreported-group"]').text()).toContain('Not reported (1)');
    expect(wrapper.get('tr.ranking-row--330100 .grade-tag').text()).toBe('Excellent');
    expect(wrapper.text()).toContain('Satisfaction');
  });

  it('renders one page of a 2,900-row table, not every row', async () => {
    const started = performance.now();
    const wrapper = mount(LeagueTable, {
      props: { rows: NATION, indicators: INDICATORS, variant: 'overview' },
      global: { plugins: testPlugins().plugins },
      attachTo: document.body,
    });
    await flushPromises();
    const rendered = wrapper.findAll('[data-testid^="league-rank-"]');
    expect(rendered.length).toBe(50);
    expect(wrapper.text()).toContain('显示 50 / 2900 个机构');
    expect(wrapper.find('[data-testid="league-pagination"]').exists()).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

const [TEMPLATE] = CITY_ROWS;
if (!TEMPLATE) throw new Error('fixture rows missing');

/** A national-size county table: 2,900 ranked rows. */
const NATION: RankingRowDto[] = Array.from({ length: 2900 }, (_, i) => ({
  ...TEMPLATE,
  level: 'county',
  rank: i + 1,
  agencyCode: String(110101 + i),
  name: `区县${i + 1}`,
  score: 100 - i / 30,
}));
