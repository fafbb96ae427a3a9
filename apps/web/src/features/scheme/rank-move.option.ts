import type { BarSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { itemChartFrame } from '../../shared/chart-frame';
import type { PreviewLine } from './scheme-preview';

export type RankMoveOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | AriaComponentOption
>;

const UP = '#1b7f3b';
const DOWN = '#c62828';

/**
 * The largest rank moves of a preview as horizontal bars (up to the right, in green), the
 * largest at the top; agencies that keep their place or are not ranked are left out.
 */
export function buildRankMoveOption(input: {
  lines: readonly PreviewLine[];
  /** How many bars at most. */
  limit: number;
  /** "↑ 3 places" for the tooltip. */
  moveLabel: (move: number) => string;
}): RankMoveOption {
  const moved = input.lines
    .filter((line): line is PreviewLine & { move: number } => line.move !== null && line.move !== 0)
    .sort((a, b) => Math.abs(b.move) - Math.abs(a.move) || a.agencyCode.localeCompare(b.agencyCode))
    .slice(0, input.limit)
    .reverse();
  return {
    ...itemChartFrame({ left: 8, right: 24, top: 8, bottom: 8 }, (params) => {
      const index = (params as { dataIndex: number }).dataIndex;
      const line = moved[index];
      return line ? `${line.name}<br/>${input.moveLabel(line.move)}` : '';
    }),
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: moved.map((line) => line.name),
      axisLabel: { width: 90, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: moved.map((line) => ({
          value: line.move,
          itemStyle: { color: line.move > 0 ? UP : DOWN },
        })),
        label: { show: true, position: 'right', formatter: '{c}' },
      },
    ],
  };
}
