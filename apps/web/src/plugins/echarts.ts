/**
 * ECharts, the parts every chart of the app shares (tree-shaken `use([...])`). The chart types are
 * registered by each page's own module beside this one (`echarts-overview.ts`, …), so a page
 * downloads only what it draws. Imported by chart components, which load lazily, so none of it
 * is in the initial bundle.
 */
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);
