import type { IndicatorDto, RankingRowDto } from '@scorecard/contracts';
import type { HeatmapSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatPercent, formatScore } from '../../shared/format';
import { escapeHtml } from '../../shared/html';

export type ScoreHeatmapOption = ComposeOption<
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
  | AriaComponentOption
>;

/** Viridis, low (yellow) to high (dark blue-violet): ordered in lightness, safe for colour-blind readers. */
export const HEATMAP_COLORS = ['#FDE725', '#5EC962', '#21918C', '#3B528B', '#440154'];

export interface ScoreHeatmapInput {
  rows: readonly RankingRowDto[];
  indicators: readonly IndicatorDto[];
  indicatorName: (indicator: IndicatorDto) => string;
  labels: { score: string; rate: string; notApplicable: string };
}

const ROW_HEIGHT = 18;

export function heatmapHeight(rowCount: number): number {
  return Math.max(200, rowCount * ROW_HEIGHT + 90);
}

/** Reported agencies in rank order (top row first) × indicators, each cell the indicator score. */
export function heatmapRows(rows: readonly RankingRowDto[]): RankingRowDto[] {
  return rows
    .filter((row) => row.reported)
    .sort(
      (a, b) =>
        (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.agencyCode.localeCompare(b.agencyCode),
    );
}

export function buildScoreHeatmapOption(input: ScoreHeatmapInput): ScoreHeatmapOption {
  const rows = heatmapRows(input.rows);
  const data: [number, number, number | '-'][] = [];
  rows.forEach((row, y) => {
    input.indicators.forEach((indicator, x) => {
      const score = row.indicators[indicator.code]?.score;
      data.push([x, y, score == null ? '-' : Math.round(score * 100) / 100]);
    });
  });
  const showLabels = rows.length <= 30;
  return {
    aria: { enabled: true },
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 64, outerBoundsMode: 'same' },
    tooltip: {
      confine: true,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const value = p?.value as [number, number, number | '-'] | undefined;
        if (!value) return '';
        const row = rows[value[1]];
        const indicator = input.indicators[value[0]];
        if (!row || !indicator) return '';
        const figures = row.indicators[indicator.code];
        return [
          `<strong>${escapeHtml(row.name)}</strong>`,
          escapeHtml(input.indicatorName(indicator)),
          `${escapeHtml(input.labels.rate)}: ${formatPercent(figures?.rate, input.labels.notApplicable)}`,
          `${escapeHtml(input.labels.score)}: ${formatScore(figures?.score, input.labels.notApplicable)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: input.indicators.map((indicator) => input.indicatorName(indicator)),
      axisLabel: { interval: 0, width: 72, overflow: 'break', fontSize: 11 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.name),
      axisLabel: { interval: 0, fontSize: 11 },
      splitArea: { show: true },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 100,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 8,
      itemHeight: 160,
      text: ['100', '0'],
      inRange: { color: HEATMAP_COLORS },
    },
    series: [
      {
        type: 'heatmap',
        name: input.labels.score,
        data,
        label: {
          show: showLabels,
          fontSize: 10,
          formatter: (p) => {
            const value = (p.value as [number, number, number | '-'])[2];
            return value === '-' ? '' : String(Math.round(value));
          },
        },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}
