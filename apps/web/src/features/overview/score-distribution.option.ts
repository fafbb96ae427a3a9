import type { AgencyDto, RankingRowDto } from '@scorecard/contracts';
import type { BoxplotSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatScore } from '../../shared/format';
import { escapeHtml } from '../../shared/html';
import { itemChartFrame } from '../../shared/chart-frame';

export type ScoreDistributionOption = ComposeOption<
  | BoxplotSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

export interface FiveNumbers {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Min, quartiles (linear interpolation, as spreadsheets' QUARTILE.INC) and max; null when empty. */
export function fiveNumbers(values: readonly number[]): FiveNumbers | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => {
    const index = (sorted.length - 1) * p;
    const low = Math.floor(index);
    const high = Math.ceil(index);
    const a = sorted[low] ?? 0;
    const b = sorted[high] ?? a;
    return a + (b - a) * (index - low);
  };
  return {
    min: sorted[0] ?? 0,
    q1: at(0.25),
    median: at(0.5),
    q3: at(0.75),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

export interface DistributionGroup {
  code: string;
  name: string;
  scores: number[];
  stats: FiveNumbers | null;
}

/** County composite scores grouped by their city, in city-code order; cities without scores left out. */
export function groupScoresByCity(
  countyRows: readonly RankingRowDto[],
  cities: readonly AgencyDto[],
): DistributionGroup[] {
  return [...cities]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((city) => {
      const scores = countyRows
        .filter((row) => row.parentCode === city.code && row.reported && row.score != null)
        .map((row) => row.score as number);
      return { code: city.code, name: city.name, scores, stats: fiveNumbers(scores) };
    })
    .filter((group) => group.stats !== null);
}

export interface DistributionLabels {
  min: string;
  q1: string;
  median: string;
  q3: string;
  max: string;
  count: string;
}

export function buildScoreDistributionOption(input: {
  groups: readonly DistributionGroup[];
  labels: DistributionLabels;
  /** A phone: city names slanted so the eleven fit side by side. */
  compact?: boolean;
}): ScoreDistributionOption {
  const { groups, labels } = input;
  return {
    ...itemChartFrame({ left: 8, right: 16, top: 16, bottom: 8 }, (params) => {
      const p = Array.isArray(params) ? params[0] : params;
      if (!p) return '';
      const group =
        groups[p.seriesType === 'boxplot' ? p.dataIndex : ((p.value as number[])[0] ?? -1)];
      if (!group?.stats) return '';
      const s = group.stats;
      return [
        `<strong>${escapeHtml(group.name)}</strong>`,
        `${escapeHtml(labels.count)}: ${group.scores.length}`,
        `${escapeHtml(labels.max)}: ${formatScore(s.max)}`,
        `${escapeHtml(labels.q3)}: ${formatScore(s.q3)}`,
        `${escapeHtml(labels.median)}: ${formatScore(s.median)}`,
        `${escapeHtml(labels.q1)}: ${formatScore(s.q1)}`,
        `${escapeHtml(labels.min)}: ${formatScore(s.min)}`,
      ].join('<br/>');
    }),
    xAxis: {
      type: 'category',
      data: groups.map((g) => g.name),
      axisLabel: { interval: 0, fontSize: 11, rotate: input.compact ? 45 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, splitNumber: 5 },
    series: [
      {
        type: 'boxplot',
        name: labels.median,
        itemStyle: { color: '#E3F1FB', borderColor: '#0072B2', borderWidth: 1.5 },
        data: groups.map((g) => {
          const s = g.stats as FiveNumbers;
          return [s.min, s.q1, s.median, s.q3, s.max];
        }),
      },
      {
        type: 'scatter',
        name: labels.count,
        symbolSize: 5,
        itemStyle: { color: '#D55E00', opacity: 0.7 },
        data: groups.flatMap((g, index) => g.scores.map((score) => [index, score])),
      },
    ],
  };
}
