import type { TooltipComponentOption } from 'echarts/components';

interface GridMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * What a chart of one mark per item shares: a description for screen readers, a short animation,
 * axis labels kept inside the grid and a tooltip for the item under the pointer, kept on screen.
 */
export function itemChartFrame(
  margins: GridMargins,
  formatter: TooltipComponentOption['formatter'],
) {
  return {
    aria: { enabled: true },
    animationDuration: 300,
    grid: { ...margins, outerBoundsMode: 'same' as const },
    tooltip: { trigger: 'item' as const, confine: true, formatter },
  };
}
