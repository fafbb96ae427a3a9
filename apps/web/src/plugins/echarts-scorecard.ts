/** The scorecard's charts: indicator bullets, the comparison radar and the 12-month trend. */
import { BarChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import { LegendComponent, RadarComponent } from 'echarts/components';
import { use } from 'echarts/core';
import './echarts';

use([BarChart, LineChart, RadarChart, ScatterChart, LegendComponent, RadarComponent]);
