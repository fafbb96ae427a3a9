import type { IndicatorDto, RankingRowDto } from '@scorecard/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import LeagueTable from '../../../shared/league/LeagueTable.vue';
import { testPlugins } from '../../../testing/plugins';
import { CITY_ROWS, INDICATORS } from '../../../testing/rankings.fixture';
import AgencyLinks from './AgencyLinks.vue';
import LightCell from './LightCell.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The league table as the overview fills it: agency links and traffic-light cells. */
function mountOverviewTable(handlers: {
  drill: (row: RankingRowDto) => void;
  cell: (row: RankingRowDto, indicator: IndicatorDto) => void;
}) {
  return mount(LeagueTable, {
    props: { rows: CITY_ROWS, indicators: INDICATORS, variant: 'overview' },
    slots: {
      agency: ({ row }: { row: RankingRowDto }) =>
        h(AgencyLinks, { row, drillable: true, onDrill: handlers.drill }),
      indicator: ({ row, indicator }: { row: RankingRowDto; indicator: IndicatorDto }) =>
        h(LightCell, { row, indicator, onOpen: handlers.cell }),
    },
    global: { plugins: testPlugins().plugins },
    attachTo: document.body,
  });
}

describe('the overview league-table cells', () => {
  it('offer drill-down for cities and the figures behind a rate, by keyboard-reachable buttons', async () => {
    const drill = vi.fn();
    const cell = vi.fn();
    const wrapper = mountOverviewTable({ drill, cell });
    await flushPromises();
    const city = wrapper.get('[data-testid="agency-330100"]');
    expect(city.element.tagName).toBe('BUTTON');
    await city.trigger('click');
    expect(drill.mock.calls[0]?.[0]).toMatchObject({ agencyCode: '330100' });
    await wrapper.get('[data-testid="cell-330100-satisfaction"]').trigger('click');
    expect(cell.mock.calls[0]?.[1]).toMatchObject({ code: 'satisfaction' });
    // The unreported city is listed, without figure buttons.
    expect(wrapper.find('[data-testid="cell-330700-satisfaction"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('未报送');
  });
});
