import type { ScorecardIndicatorDto, ScorecardTrendPointDto } from '@scorecard/contracts';
import type {
  BarSeriesOption,
  LineSeriesOption,
  RadarSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatPercent, formatScore, roundDecimal } from '../../shared/format';
import { wrapLabel } from '../../shared/chart-labels';
import { escapeHtml } from '../../shared/html';

type Common =
  GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption;

const SELF = '#0072B2';
const TARGET = '#000000';
const FLOOR = '#D55E00';
const BEST = '#009E73';
const AVERAGE = '#E69F00';

const pct = (rate: number | null | undefined): number | null =>
  rate == null || !Number.isFinite(rate) ? null : roundDecimal(rate * 100, 2);

export interface BulletLabels {
  rate: string;
  target: string;
  floor: string;
  best: string;
  average: string;
  notApplicable: string;
}

/**
 * A bullet chart per indicator: the agency's rate as a bar, with the target, floor, province best
 * and average as distinct marker shapes (shape and legend, not colour alone, tell them apart).
 */
export function buildIndicatorBulletOption(input: {
  indicators: readonly ScorecardIndicatorDto[];
  name: (code: string) => string;
  labels: BulletLabels;
  /** A phone: shorter indicator names beside the bars. */
  compact?: boolean;
}): ComposeOption<BarSeriesOption | ScatterSeriesOption | Common> {
  const { indicators, name, labels } = input;
  const max = Math.max(
    100,
    ...indicators.flatMap((i) => [pct(i.rate), pct(i.best)]).filter((v): v is number => v != null),
  );
  const marker = (
    seriesName: string,
    values: (number | null)[],
    symbol: string,
    color: string,
    size: number | [number, number],
  ): ScatterSeriesOption => ({
    type: 'scatter',
    name: seriesName,
    symbol,
    symbolSize: size,
    itemStyle: { color },
    z: 3,
    data: values.map((v) => (v == null ? '-' : v)),
  });
  return {
    aria: { enabled: true },
    // Drawn at once: a screenshot or a printout never catches a half-drawn line.
    animation: false,
    legend: { top: 0, itemWidth: 14 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const index = list[0]?.dataIndex ?? -1;
        const indicator = indicators[index];
        if (!indicator) return '';
        return [
          `<strong>${escapeHtml(name(indicator.code))}</strong>`,
          `${escapeHtml(labels.rate)}: ${formatPercent(indicator.rate, labels.notApplicable)}`,
          `${escapeHtml(labels.target)}: ${formatPercent(indicator.target)}`,
          `${escapeHtml(labels.floor)}: ${formatPercent(indicator.floor)}`,
          `${escapeHtml(labels.best)}: ${formatPercent(indicator.best)}`,
          `${escapeHtml(labels.average)}: ${formatPercent(indicator.average)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(max / 10) * 10,
      axisLabel: { formatter: '{value} %', hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: indicators.map((i) => name(i.code)),
      axisLabel: { interval: 0, width: input.compact ? 72 : 110, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: labels.rate,
        barWidth: 18,
        itemStyle: { color: SELF },
        data: indicators.map((i) => pct(i.rate) ?? '-'),
        label: {
          // Inside the bar's end, so it never sits on the target or best markers.
          show: true,
          position: 'insideLeft',
          color: '#FFFFFF',
          fontWeight: 600,
          formatter: (p) => formatPercent(indicators[p.dataIndex]?.rate, labels.notApplicable),
        },
      },
      marker(
        labels.target,
        indicators.map((i) => pct(i.target)),
        'rect',
        TARGET,
        [3, 22],
      ),
      marker(
        labels.floor,
        indicators.map((i) => pct(i.floor)),
        'rect',
        FLOOR,
        [3, 14],
      ),
      marker(
        labels.best,
        indicators.map((i) => pct(i.best)),
        'diamond',
        BEST,
        11,
      ),
      marker(
        labels.average,
        indicators.map((i) => pct(i.average)),
        'triangle',
        AVERAGE,
        11,
      ),
    ],
  };
}

export interface RadarSeriesInput {
  name: string;
  /** Rates (fractions) per indicator code. */
  rates: Record<string, number | null>;
}

/** Rates of the agency against comparison series (city average, province best), one axis per indicator. */
export function buildComparisonRadarOption(input: {
  codes: readonly string[];
  name: (code: string) => string;
  series: readonly RadarSeriesInput[];
  /** A phone: a smaller radar with each name on two short lines, so none is cut at the edge. */
  compact?: boolean;
}): ComposeOption<RadarSeriesOption | RadarComponentOption | Common> {
  const { codes, series } = input;
  const colors = [SELF, AVERAGE, BEST];
  const symbols = ['circle', 'triangle', 'diamond'];
  const max = Math.max(
    100,
    ...series
      .flatMap((s) => codes.map((c) => pct(s.rates[c])))
      .filter((v): v is number => v != null),
  );
  return {
    aria: { enabled: true },
    // Drawn at once: a screenshot or a printout never catches a half-drawn line.
    animation: false,
    color: colors,
    legend: { bottom: 0 },
    tooltip: { trigger: 'item', confine: true },
    radar: {
      radius: input.compact ? '50%' : '62%',
      indicator: codes.map((code) => ({
        name: input.compact ? wrapLabel(input.name(code), 4) : input.name(code),
        min: 0,
        max: Math.ceil(max / 10) * 10,
      })),
      axisName: { color: '#303133', fontSize: 11 },
    },
    series: [
      {
        type: 'radar',
        data: series.map((s, index) => ({
          name: s.name,
          value: codes.map((code) => pct(s.rates[code]) ?? 0),
          symbol: symbols[index] ?? 'circle',
          symbolSize: 6,
          lineStyle: { type: index === 0 ? 'solid' : index === 1 ? 'dashed' : 'dotted', width: 2 },
          areaStyle: index === 0 ? { opacity: 0.15 } : undefined,
        })),
      },
    ],
  };
}

/** A rank over the months, on the right axis. */
function rankLine(
  name: string,
  look: { color: string; symbol: string; dash: 'dashed' | 'dotted' },
  data: (number | '-')[],
): LineSeriesOption {
  return {
    type: 'line',
    name,
    yAxisIndex: 1,
    color: look.color,
    symbol: look.symbol,
    lineStyle: { type: look.dash },
    data,
  };
}

/** Score (left axis, 0–100) and ranks (right axis, 1 at the top) over the 12 months. */
export function buildTrendOption(input: {
  trend: readonly ScorecardTrendPointDto[];
  /** `rankInParent` is left out for a city (its parent is the province: the same rank). */
  labels: { score: string; rankInParent?: string; rankInLevel: string };
}): ComposeOption<LineSeriesOption | Common> {
  const { trend, labels } = input;
  const maxRank = Math.max(
    1,
    ...trend.flatMap((p) => [
      labels.rankInParent == null ? 0 : (p.rankInParent ?? 0),
      p.rankInLevel ?? 0,
    ]),
  );
  return {
    aria: { enabled: true },
    // Drawn at once: a screenshot or a printout never catches a half-drawn line.
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value) => (typeof value === 'number' ? String(value) : '—'),
    },
    xAxis: { type: 'category', data: trend.map((p) => p.period), axisLabel: { fontSize: 11 } },
    yAxis: [
      { type: 'value', name: labels.score, min: 0, max: 100 },
      {
        type: 'value',
        name: labels.rankInLevel,
        inverse: true,
        min: 1,
        max: maxRank,
        minInterval: 1,
      },
    ],
    series: [
      {
        type: 'line',
        name: labels.score,
        yAxisIndex: 0,
        color: SELF,
        symbol: 'circle',
        connectNulls: false,
        data: trend.map((p) => (p.score == null ? '-' : Number(formatScore(p.score)))),
      },
      ...(labels.rankInParent == null
        ? []
        : [
            rankLine(
              labels.rankInParent,
              { color: AVERAGE, symbol: 'triangle', dash: 'dashed' },
              trend.map((p) => p.rankInParent ?? '-'),
            ),
          ]),
      rankLine(
        labels.rankInLevel,
        { color: BEST, symbol: 'diamond', dash: 'dotted' },
        trend.map((p) => p.rankInLevel ?? '-'),
      ),
    ],
  };
}
