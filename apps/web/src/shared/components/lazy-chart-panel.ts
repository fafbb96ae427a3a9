import { defineAsyncComponent } from 'vue';

/**
 * `ChartPanel`, loaded on first use together with the page's ECharts registration (for example
 * `() => import('../../plugins/echarts-overview')`), both downloaded in parallel.
 */
export function lazyChartPanel(register: () => Promise<unknown>) {
  return defineAsyncComponent(() =>
    Promise.all([import('./ChartPanel.vue'), register()]).then(([panel]) => panel.default),
  );
}
