import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '../../shared/http';
import { testPlugins } from '../../testing/plugins';
import { previewFixture, schemeFixture } from './scheme.fixture';

vi.mock('../../shared/reference.api', () => ({
  fetchPeriods: vi.fn(),
  fetchAgencies: vi.fn(),
  fetchIndicators: vi.fn(),
}));
vi.mock('./scheme.api', () => ({
  fetchScheme: vi.fn(),
  fetchSchemeVersions: vi.fn(),
  saveScheme: vi.fn(),
  previewScheme: vi.fn(),
}));
// The chart needs a canvas; its option is a pure function.
vi.mock('../../shared/components/lazy-chart-panel', () => ({
  lazyChartPanel: () => ({ render: () => h('div', { class: 'chart-stub' }) }),
}));

const referenceApi = await import('../../shared/reference.api');
const schemeApi = await import('./scheme.api');
const SchemePage = (await import('./SchemePage.vue')).default;

const PERIODS = [
  { period: '2026-10', status: 'open' as const },
  { period: '2026-09', status: 'published' as const },
].map((p) => ({
  ...p,
  dueDate: '',
  stale: false,
  computedAt: null,
  reportedCount: 0,
  expectedCount: 0,
  publishedVersion: 1,
}));

async function mountPage(locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<VueWrapper> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/scheme', name: 'scheme', component: SchemePage }],
  });
  await router.push({ path: '/scheme', query: { year: '2026' } });
  const wrapper = mount(
    { render: () => h(SchemePage) },
    { global: { plugins: [...testPlugins(locale).plugins, router] }, attachTo: document.body },
  );
  await flushPromises();
  return wrapper;
}

async function type(wrapper: VueWrapper, testid: string, value: string): Promise<void> {
  // Element Plus puts a text field's attributes on its <input>.
  await wrapper.get(`input[data-testid="${testid}"]`).setValue(value);
  await flushPromises();
}

function cellOf(wrapper: VueWrapper, index: number, field: string): HTMLElement {
  const cell = wrapper.get(`[data-testid="indicator-${index}-${field}"]`).element.closest('td');
  if (!cell) throw new Error(`No cell for indicator ${index} ${field}`);
  return cell;
}

async function confirmBox(): Promise<void> {
  await flushPromises();
  const ok = document.querySelector<HTMLButtonElement>('.el-message-box .el-button--primary');
  if (!ok) throw new Error('No confirmation asked');
  ok.click();
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await flushPromises();
}

beforeEach(() => {
  vi.mocked(referenceApi.fetchPeriods).mockResolvedValue(PERIODS);
  vi.mocked(schemeApi.fetchScheme).mockResolvedValue(schemeFixture());
  vi.mocked(schemeApi.fetchSchemeVersions).mockResolvedValue([
    {
      version: 1,
      effectiveFrom: '2026-01',
      reason: '年度初始方案',
      createdBy: null,
      createdAt: '2026-01-01T00:00:00Z',
    },
  ]);
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SchemePage', () => {
  it('shows targets and floors as percentages, grouped by dimension, with the weights total', async () => {
    const wrapper = await mountPage();
    const target = wrapper.get<HTMLInputElement>('input[data-testid="indicator-1-target"]');
    expect(target.element.value).toBe('98');
    expect(wrapper.get('[data-testid="scheme-dimension-业务经办"]').text()).toContain('50');
    expect(wrapper.get('[data-testid="scheme-dimension-服务质量"]').text()).toContain('50');
    expect(wrapper.get('[data-testid="scheme-weight-total"]').text()).toContain('100 / 100');
    expect(wrapper.get('[data-testid="scheme-versions"]').text()).toContain('年度初始方案');
    // A new version starts in the first month not yet locked or published.
    expect(wrapper.get('[data-testid="scheme-effectiveFrom"]').text()).toContain('2026-10');
  });

  it.each(['zh-CN', 'en'] as const)(
    'words every label in %s, the preview included',
    async (locale) => {
      vi.mocked(schemeApi.previewScheme).mockResolvedValue(previewFixture());
      const wrapper = await mountPage(locale);
      await wrapper.get('[data-testid="scheme-preview-button"]').trigger('click');
      await flushPromises();
      expect(wrapper.find('[data-testid="scheme-preview"]').exists()).toBe(true);
      const labels = [
        wrapper.text(),
        ...wrapper.findAll('[aria-label]').map((e) => e.attributes('aria-label')),
      ];
      // No message key shows through untranslated.
      expect(labels.join('\n')).not.toMatch(/\b(scheme|grade|rankings|common)\.[a-zA-Z]+/);
      if (locale === 'en') expect(wrapper.text()).toContain('Weights total 100 / 100');
    },
  );

  it('runs the weight total as weights change and names a zero weight at its cell', async () => {
    const wrapper = await mountPage();
    await type(wrapper, 'indicator-0-weight', '30');
    expect(wrapper.get('[data-testid="scheme-weight-total"]').text()).toContain('110 / 100');
    expect(wrapper.text()).toContain('权重合计须为 100，当前为 110');
    await type(wrapper, 'indicator-2-weight', '0');
    expect(wrapper.get('[data-testid="scheme-weight-total"]').text()).toContain('100 / 100');
    expect(cellOf(wrapper, 2, 'weight').textContent).toContain('权重须为正整数');
    // Nothing is sent while the page can tell it is wrong.
    await wrapper.get('[data-testid="scheme-preview-button"]').trigger('click');
    expect(schemeApi.previewScheme).not.toHaveBeenCalled();
  });

  it('moves a row to its dimension once the name is typed, not at every key', async () => {
    const wrapper = await mountPage();
    const input = wrapper.get<HTMLInputElement>('input[data-testid="indicator-0-dimension"]');
    // Keys typed: input events only, no change yet.
    input.element.value = '服务';
    await input.trigger('input');
    await flushPromises();
    expect(wrapper.find('[data-testid="scheme-dimension-服务"]').exists()).toBe(false);
    expect(input.element.value).toBe('服务');
    input.element.value = '服务质量';
    await input.trigger('input');
    await input.trigger('change');
    await flushPromises();
    expect(wrapper.get('[data-testid="scheme-dimension-服务质量"]').text()).toContain('70');
    expect(wrapper.get('[data-testid="scheme-dimension-业务经办"]').text()).toContain('30');
  });

  it('sends percentages typed as exact fractions', async () => {
    vi.mocked(schemeApi.previewScheme).mockResolvedValue(previewFixture());
    const wrapper = await mountPage();
    await type(wrapper, 'indicator-1-target', '57');
    await type(wrapper, 'indicator-1-floor', '29');
    await type(wrapper, 'indicator-0-target', '99.99');
    await wrapper.get('[data-testid="scheme-preview-button"]').trigger('click');
    await flushPromises();
    const body = vi.mocked(schemeApi.previewScheme).mock.lastCall?.[1];
    expect(body?.indicators[1]).toMatchObject({ target: 0.57, floor: 0.29 });
    expect(body?.indicators[0]?.target).toBe(0.9999);
    expect(body?.indicators[2]).toMatchObject({ target: 1, floor: 0.7 });
  });

  it('shows the API’s field errors at their cells, and a stale version as a clear message', async () => {
    const wrapper = await mountPage();
    await type(wrapper, 'scheme-reason', '调整底线');
    vi.mocked(schemeApi.saveScheme).mockRejectedValueOnce(
      new ApiError('http', 400, 'Bad Request', {
        errors: [
          { field: 'indicators[2].floor', message: '底线须低于目标' },
          { field: 'indicators.5.code', message: '编码已停用' },
        ],
      }),
    );
    await wrapper.get('[data-testid="scheme-save"]').trigger('click');
    await confirmBox();
    expect(schemeApi.saveScheme).toHaveBeenCalledWith(
      2026,
      expect.objectContaining({ version: 1, effectiveFrom: '2026-10', reason: '调整底线' }),
    );
    expect(cellOf(wrapper, 2, 'floor').textContent).toContain('底线须低于目标');
    expect(cellOf(wrapper, 5, 'code').textContent).toContain('编码已停用');
    expect(cellOf(wrapper, 1, 'floor').textContent).not.toContain('底线须低于目标');

    vi.mocked(schemeApi.saveScheme).mockRejectedValueOnce(
      new ApiError('http', 409, '方案已被他人修改', { message: '方案已被他人修改' }),
    );
    await wrapper.get('[data-testid="scheme-save"]').trigger('click');
    await confirmBox();
    expect(wrapper.get('[data-testid="scheme-conflict"]').text()).toContain('方案已被他人修改');
    // A refusal to save, not a failure to load.
    expect(wrapper.get('[data-testid="scheme-conflict"]').text()).not.toContain('加载失败');
  });

  it('asks before saving, naming the months recomputed', async () => {
    vi.mocked(schemeApi.saveScheme).mockResolvedValue({ ...schemeFixture(), version: 2 });
    const wrapper = await mountPage();
    await type(wrapper, 'scheme-reason', '调整权重');
    await wrapper.get('[data-testid="scheme-save"]').trigger('click');
    await flushPromises();
    expect(document.querySelector('.el-message-box')?.textContent).toContain(
      '以下 1 个月份将按新方案重新计算：2026-10',
    );
    await confirmBox();
    expect(schemeApi.saveScheme).toHaveBeenCalledTimes(1);
  });

  it('previews every agency, largest move first, sortable by move and by score', async () => {
    vi.mocked(schemeApi.previewScheme).mockResolvedValue(previewFixture());
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="scheme-preview-button"]').trigger('click');
    await flushPromises();
    const order = () =>
      wrapper
        .findAll('[data-testid="scheme-preview-row"]')
        .map((row) => row.attributes('data-code'));
    expect(order().slice(0, 3)).toEqual(['330700', '330600', '330100']);
    expect(wrapper.get('[data-testid="scheme-preview-summary"]').text()).toContain('2026-09');
    await wrapper.get('[data-testid="scheme-preview-sort-move"]').trigger('click');
    expect(order().slice(0, 2)).toEqual(['330700', '330200']);
    await wrapper.get('[data-testid="scheme-preview-sort-move"]').trigger('click');
    expect(order()[0]).toBe('330600');
    await wrapper.get('[data-testid="scheme-preview-sort-score"]').trigger('click');
    expect(order()[0]).toBe('330100');
    await wrapper.get('[data-testid="scheme-preview-counties"]').trigger('click');
    await flushPromises();
    expect(order()).toEqual(['330105', '330102']);
  });
});
