import type { IndicatorDto, RankingRowDto } from '@scorecard/contracts';
import type { HeatmapSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatPercent, formatScore } from '../../shared/format';
import { escapeHtml } from '../../shared/html';

export type ScoreHeatmapOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption
>;

/**
 * The colour bands of an indicator score, lowest first, in Viridis (yellow to dark blue-violet:
 * ordered in lightness, safe for colour-blind readers): the legend lists them and each cell takes
 * its band's fill, with a text colour readable on it (at least 4.5:1).
 */
export const HEATMAP_BANDS: readonly { min: number; color: string; textColor: string }[] = [
  { min: 0, color: '#FDE725', textColor: '#1A1A1A' },
  { min: 60, color: '#5EC962', textColor: '#1A1A1A' },
  { min: 70, color: '#21918C', textColor: '#FFFFFF' },
  { min: 80, color: '#3B528B', textColor: '#FFFFFF' },
  { min: 90, color: '#440154', textColor: '#FFFFFF' },
];
/** A cell with no score: the indicator does not apply this month (0/0) or the agency did not report. */
export const HEATMAP_EMPTY = { color: '#EBEEF5', textColor: '#606266', text: '—' } as const;

/** The band a score falls in. */
export function heatmapBand(score: number): (typeof HEATMAP_BANDS)[number] {
  let band = HEATMAP_BANDS[0];
  for (const candidate of HEATMAP_BANDS) if (score >= candidate.min) band = candidate;
  if (!band) throw new Error('no heatmap bands');
  return band;
}

export interface ScoreHeatmapInput {
  rows: readonly RankingRowDto[];
  indicators: readonly IndicatorDto[];
  indicatorName: (indicator: IndicatorDto) => string;
  labels: { score: string; rate: string; notApplicable: string; notReported: string };
  /** A phone: indicator names slanted and agency names shortened, so none overlap. */
  compact?: boolean;
}

const ROW_HEIGHT = 24;

export function heatmapHeight(rowCount: number): number {
  return Math.max(200, rowCount * ROW_HEIGHT + 72);
}

/** Reported agencies in rank order (top row first), then the unreported (by code) below them. */
export function heatmapRows(rows: readonly RankingRowDto[]): RankingRowDto[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.reported) - Number(a.reported) ||
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      a.agencyCode.localeCompare(b.agencyCode),
  );
}

/** One cell: `[indicator index, row index, score]`, the score -1 where there is none. */
export interface HeatmapCell {
  value: [number, number, number];
  itemStyle: { color: string };
  label: { color: string };
}

/** The cells of the heatmap; a cell without a score is drawn too, grey, so the gap is seen. */
export function heatmapCells(
  rows: readonly RankingRowDto[],
  indicators: readonly IndicatorDto[],
): HeatmapCell[] {
  const cells: HeatmapCell[] = [];
  rows.forEach((row, y) => {
    indicators.forEach((indicator, x) => {
      const score = row.reported ? row.indicators[indicator.code]?.score : null;
      if (score == null) {
        cells.push({
          value: [x, y, -1],
          itemStyle: { color: HEATMAP_EMPTY.color },
          label: { color: HEATMAP_EMPTY.textColor },
        });
        return;
      }
      const band = heatmapBand(score);
      cells.push({
        value: [x, y, Math.round(score * 100) / 100],
        itemStyle: { color: band.color },
        label: { color: band.textColor },
      });
    });
  });
  return cells;
}

/** The value written in a cell: the score as a whole number, a dash where there is none. */
export function heatmapCellText(score: number): string {
  return score < 0 ? HEATMAP_EMPTY.text : String(Math.round(score));
}

export function buildScoreHeatmapOption(input: ScoreHeatmapInput): ScoreHeatmapOption {
  const rows = heatmapRows(input.rows);
  const data = heatmapCells(rows, input.indicators);
  return {
    aria: { enabled: true },
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      confine: true,
      formatter: (params) => {
        const p = Array.isArray(params) ? params[0] : params;
        const value = p?.value as [number, number, number] | undefined;
        if (!value) return '';
        const row = rows[value[1]];
        const indicator = input.indicators[value[0]];
        if (!row || !indicator) return '';
        const head = [
          `<strong>${escapeHtml(row.name)}</strong>`,
          escapeHtml(input.indicatorName(indicator)),
        ];
        if (!row.reported) return [...head, escapeHtml(input.labels.notReported)].join('<br/>');
        const figures = row.indicators[indicator.code];
        return [
          ...head,
          `${escapeHtml(input.labels.rate)}: ${formatPercent(figures?.rate, input.labels.notApplicable)}`,
          `${escapeHtml(input.labels.score)}: ${formatScore(figures?.score, input.labels.notApplicable)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: input.indicators.map((indicator) => input.indicatorName(indicator)),
      axisLabel: {
        interval: 0,
        width: input.compact ? 60 : 72,
        overflow: 'truncate',
        fontSize: 11,
        rotate: input.compact ? 45 : 0,
      },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.name),
      axisLabel: {
        interval: 0,
        fontSize: 11,
        width: input.compact ? 56 : 88,
        overflow: 'truncate',
      },
      splitArea: { show: true },
    },
    series: [
      {
        type: 'heatmap',
        name: input.labels.score,
        data,
        itemStyle: { borderColor: '#FFFFFF', borderWidth: 1 },
        label: {
          show: true,
          fontSize: input.compact ? 11 : 12,
          fontWeight: 600,
          formatter: (p) => heatmapCellText((p.value as [number, number, number])[2]),
        },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}
