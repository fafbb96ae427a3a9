import type { Grade, RankingRowDto } from '@scorecard/contracts';
import type { BarSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { itemChartFrame } from '../../shared/chart-frame';
import { formatScore } from '../../shared/format';
import { GRADE_PALETTE } from '../../shared/grade';

export type RankingBarOption = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | AriaComponentOption
  | DataZoomComponentOption
>;

export interface RankingBarLabels {
  /** Label of the composite score ("综合得分"). */
  score: string;
  /** Label of the grade ("等级"). */
  grade: string;
  /** Label of the agency code ("编码"). */
  code: string;
  /** Translated grade names. */
  gradeLabel: (grade: Grade) => string;
}

export interface RankingBarOptionInput {
  rows: readonly RankingRowDto[];
  labels: RankingBarLabels;
  /** A phone: shorter names, and the score alone beside each bar (the colour legend names grades). */
  compact?: boolean;
}

/** One bar: a reported agency with a composite score. */
export interface RankingBar {
  agencyCode: string;
  name: string;
  rank: number | null;
  score: number;
  grade: Grade | null;
  color: string;
}

const NEUTRAL_COLOR = '#8C8C8C';
const BAR_HEIGHT = 22;
const CHART_PADDING = 48;
const MIN_CHART_HEIGHT = 160;
/** Bars in view at once; more (90 counties) scroll with a slider beside the chart. */
export const BARS_IN_VIEW = 25;
const SLIDER_ROOM = 16;

/** Reported rows with a score, best first (ties by code, as the ranking lists them). */
export function rankingBars(rows: readonly RankingRowDto[]): RankingBar[] {
  return rows
    .filter((row): row is RankingRowDto & { score: number } => row.reported && row.score != null)
    .map((row) => ({
      agencyCode: row.agencyCode,
      name: row.name,
      rank: row.rank,
      score: row.score,
      grade: row.grade,
      color: row.grade ? GRADE_PALETTE[row.grade].color : NEUTRAL_COLOR,
    }))
    .sort((a, b) => b.score - a.score || a.agencyCode.localeCompare(b.agencyCode));
}

/**
 * Pixel height that gives each bar in view room for its label: every bar of the 11 cities, a
 * window of 25 of the 90 counties (the rest scroll into view).
 */
export function rankingChartHeight(barCount: number): number {
  if (barCount > BARS_IN_VIEW) return BARS_IN_VIEW * BAR_HEIGHT + CHART_PADDING + SLIDER_ROOM;
  return Math.max(MIN_CHART_HEIGHT, barCount * BAR_HEIGHT + CHART_PADDING);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** The bar's value label: "87.80 优秀" — the grade is written out, never shown by colour alone. */
export function barLabelText(bar: RankingBar, labels: RankingBarLabels): string {
  const score = formatScore(bar.score);
  return bar.grade ? `${score} ${labels.gradeLabel(bar.grade)}` : score;
}

/** Tooltip HTML for one bar (names are escaped). */
export function barTooltipHtml(bar: RankingBar, labels: RankingBarLabels): string {
  const lines = [
    `<strong>${escapeHtml(bar.name)}</strong>`,
    `${escapeHtml(labels.code)}: ${escapeHtml(bar.agencyCode)}`,
    `${escapeHtml(labels.score)}: ${formatScore(bar.score)}`,
  ];
  if (bar.grade) {
    lines.push(
      `${escapeHtml(labels.grade)}: <span style="display:inline-block;width:10px;height:10px;` +
        `border-radius:2px;margin-right:4px;background:${bar.color}"></span>` +
        escapeHtml(labels.gradeLabel(bar.grade)),
    );
  }
  return lines.join('<br/>');
}

/**
 * Horizontal bar chart of composite scores, best at the top, bars coloured by grade.
 * Unreported agencies are left out (the table lists them as 未报送).
 */
export function buildRankingBarOption({
  rows,
  labels,
  compact = false,
}: RankingBarOptionInput): RankingBarOption {
  const bars = rankingBars(rows);
  const scrolled = bars.length > BARS_IN_VIEW;
  const window = { startValue: 0, endValue: BARS_IN_VIEW - 1 };
  return {
    ...(scrolled
      ? {
          dataZoom: [
            {
              type: 'slider',
              yAxisIndex: 0,
              ...window,
              right: 4,
              width: 12,
              zoomLock: true,
              brushSelect: false,
              showDetail: false,
            },
            {
              type: 'inside',
              yAxisIndex: 0,
              ...window,
              zoomLock: true,
              zoomOnMouseWheel: false,
              moveOnMouseWheel: true,
            },
          ],
        }
      : {}),
    ...itemChartFrame(
      { left: 8, right: (compact ? 48 : 128) + (scrolled ? 16 : 0), top: 8, bottom: 8 },
      (params) => {
        const index = Array.isArray(params) ? params[0]?.dataIndex : params.dataIndex;
        const bar = index == null ? undefined : bars[index];
        return bar ? barTooltipHtml(bar, labels) : '';
      },
    ),
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      splitNumber: 5,
      axisLabel: { formatter: '{value}' },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.name),
      axisTick: { show: false },
      axisLabel: { interval: 0, width: compact ? 64 : 96, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: labels.score,
        barMaxWidth: 16,
        data: bars.map((bar) => ({
          value: bar.score,
          name: bar.name,
          itemStyle: { color: bar.color },
        })),
        label: {
          show: true,
          position: 'right',
          color: '#303133',
          formatter: (params) => {
            const bar = bars[params.dataIndex];
            if (!bar) return '';
            return compact ? formatScore(bar.score) : barLabelText(bar, labels);
          },
        },
      },
    ],
  };
}
