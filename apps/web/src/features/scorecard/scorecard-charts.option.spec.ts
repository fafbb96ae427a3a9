import type { BarSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import {
  buildComparisonRadarOption,
  buildIndicatorBulletOption,
  buildTrendOption,
} from './scorecard-charts.option';
import { scorecardFixture } from './scorecard.fixture';

const card = scorecardFixture();
const labels = {
  rate: '本机构',
  target: '目标',
  floor: '底线',
  best: '全省最好',
  average: '全省平均',
  notApplicable: '不适用',
};

describe('buildIndicatorBulletOption', () => {
  const option = buildIndicatorBulletOption({
    indicators: card.indicators,
    name: (c) => c,
    labels,
  });
  const series = option.series as (BarSeriesOption | ScatterSeriesOption)[];

  it('draws the rate as a bar and marks target, floor, best and average with different shapes', () => {
    expect(series.map((s) => s.name)).toEqual(['本机构', '目标', '底线', '全省最好', '全省平均']);
    expect(series.slice(1).map((s) => (s as ScatterSeriesOption).symbol)).toEqual([
      'rect',
      'rect',
      'diamond',
      'triangle',
    ]);
    expect(series[0]?.data).toEqual([100.01, 89, 85, 90, '-', 90, 87.81]);
    expect(series[1]?.data).toEqual([100, 98, 100, 100, 100, 95, 90]);
  });

  it('stretches the axis past 100 % when a rate or the best exceeds it', () => {
    expect(option.xAxis).toMatchObject({ min: 0, max: 120 });
    const label = (series[0] as BarSeriesOption).label as {
      formatter: (p: { dataIndex: number }) => string;
    };
    expect(label.formatter({ dataIndex: 4 })).toBe('不适用');
    expect(label.formatter({ dataIndex: 6 })).toBe('87.81 %');
  });
});

describe('on a phone', () => {
  it('keeps the radar names whole on two short lines and the bullet axis free of overlaps', () => {
    const radar = buildComparisonRadarOption({
      codes: ['annual_inspection'],
      name: () => '参保单位年检率',
      series: [{ name: '本机构', rates: { annual_inspection: 0.9 } }],
      compact: true,
    });
    const axes = radar.radar as { radius: string; indicator: { name: string }[] };
    expect(axes.indicator[0]?.name).toBe('参保单位\n年检率');
    expect(parseInt(axes.radius, 10)).toBeLessThan(62);
    const bullet = buildIndicatorBulletOption({
      indicators: card.indicators,
      name: (c) => c,
      labels,
      compact: true,
    });
    expect((bullet.xAxis as { axisLabel: { hideOverlap: boolean } }).axisLabel.hideOverlap).toBe(
      true,
    );
  });
});

describe('buildComparisonRadarOption', () => {
  it('has one axis per indicator and one line per series', () => {
    const option = buildComparisonRadarOption({
      codes: ['collection', 'satisfaction'],
      name: (c) => c,
      series: [
        { name: '本机构', rates: { collection: 0.89, satisfaction: 0.878138 } },
        { name: '杭州市平均', rates: { collection: 0.93, satisfaction: null } },
      ],
    });
    expect((option.radar as { indicator: unknown[] }).indicator).toHaveLength(2);
    const data = (option.series as { data: { name: string; value: number[] }[] }[])[0]?.data;
    expect(data?.map((d) => [d.name, d.value])).toEqual([
      ['本机构', [89, 87.81]],
      ['杭州市平均', [93, 0]],
    ]);
  });
});

describe('buildTrendOption', () => {
  it('plots 12 months of score and ranks with gaps for months without results', () => {
    const option = buildTrendOption({
      trend: card.trend,
      labels: { score: '综合得分', rankInParent: '地市内名次', rankInLevel: '全省名次' },
    });
    const series = option.series as LineSeriesOption[];
    expect((option.xAxis as { data: string[] }).data).toHaveLength(12);
    expect(series[0]?.data?.[4]).toBe('-');
    expect(series[0]?.data?.[0]).toBe(70);
    expect((option.yAxis as { inverse?: boolean }[])[1]?.inverse).toBe(true);
  });

  it('draws a city one rank line, the province one, when no rank in parent is asked for', () => {
    const option = buildTrendOption({
      trend: card.trend,
      labels: { score: '综合得分', rankInLevel: '浙江省内名次' },
    });
    const names = (option.series as LineSeriesOption[]).map((s) => s.name);
    expect(names).toEqual(['综合得分', '浙江省内名次']);
  });
});
