/** The overview's charts: the score heatmap (cells coloured by their own style) and the box plot. */
import { BoxplotChart, HeatmapChart, ScatterChart } from 'echarts/charts';
import { use } from 'echarts/core';
import './echarts';

use([HeatmapChart, BoxplotChart, ScatterChart]);
