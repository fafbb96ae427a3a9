/** The rankings page's bar chart, scrolled with a slider when it lists many agencies. */
import { BarChart } from 'echarts/charts';
import { DataZoomInsideComponent, DataZoomSliderComponent } from 'echarts/components';
import { use } from 'echarts/core';
import './echarts';

use([BarChart, DataZoomInsideComponent, DataZoomSliderComponent]);
