/**
 * ECharts, registered once with only what the app draws (tree-shaken). Imported by chart
 * components, so it lands in their lazily loaded chunk rather than the initial bundle.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);
