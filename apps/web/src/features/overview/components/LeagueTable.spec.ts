import type { RankingRowDto } from '@scorecard/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { testPlugins } from '../../../testing/plugins';
import { CITY_ROWS, INDICATORS } from '../../../testing/rankings.fixture';
import LeagueTable from './LeagueTable.vue';

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

afterEach(() => {
  document.body.innerHTML = '';
});

describe('LeagueTable', () => {
  it('renders one page of a 2,900-row table, not every row', async () => {
    const started = performance.now();
    const wrapper = mount(LeagueTable, {
      props: { rows: NATION, indicators: INDICATORS, drillable: false },
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

  it('offers drill-down for cities and the scorecard for counties, by keyboard-reachable buttons', async () => {
    const wrapper = mount(LeagueTable, {
      props: { rows: CITY_ROWS, indicators: INDICATORS, drillable: true },
      global: { plugins: testPlugins().plugins },
      attachTo: document.body,
    });
    await flushPromises();
    const city = wrapper.get('[data-testid="agency-330100"]');
    expect(city.element.tagName).toBe('BUTTON');
    await city.trigger('click');
    expect(wrapper.emitted('drill')?.[0]?.[0]).toMatchObject({ agencyCode: '330100' });
    await wrapper.get('[data-testid="cell-330100-satisfaction"]').trigger('click');
    expect(wrapper.emitted('cell')?.[0]?.[1]).toMatchObject({ code: 'satisfaction' });
    // The unreported city is listed, without figure buttons.
    expect(wrapper.find('[data-testid="cell-330700-satisfaction"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('未报送');
  });
});
