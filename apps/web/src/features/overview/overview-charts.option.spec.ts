import type { HeatmapSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { CITY_ROWS, INDICATORS } from '../../testing/rankings.fixture';
import {
  buildScoreHeatmapOption,
  HEATMAP_EMPTY,
  heatmapBand,
  heatmapCellText,
  heatmapRows,
} from './score-heatmap.option';
import {
  buildScoreDistributionOption,
  fiveNumbers,
  groupScoresByCity,
} from './score-distribution.option';

describe('fiveNumbers', () => {
  it('gives min, quartiles, median and max', () => {
    expect(fiveNumbers([1, 2, 3, 4, 5])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 5 });
    expect(fiveNumbers([10, 0])).toEqual({ min: 0, q1: 2.5, median: 5, q3: 7.5, max: 10 });
    expect(fiveNumbers([7])).toEqual({ min: 7, q1: 7, median: 7, q3: 7, max: 7 });
    expect(fiveNumbers([])).toBeNull();
  });
});

describe('score distribution', () => {
  const [ranked, , , , , , unreported] = CITY_ROWS;
  if (!ranked || !unreported) throw new Error('fixture rows missing');
  const counties = [
    { ...ranked, agencyCode: '330102', parentCode: '330100', score: 90 },
    { ...ranked, agencyCode: '330105', parentCode: '330100', score: 70 },
    { ...ranked, agencyCode: '330203', parentCode: '330200', score: 80 },
    { ...unreported, agencyCode: '330205', parentCode: '330200' },
  ];
  const cities = [
    { code: '330200', name: '宁波市', level: 'city' as const, parentCode: '330000' },
    { code: '330100', name: '杭州市', level: 'city' as const, parentCode: '330000' },
    { code: '330300', name: '温州市', level: 'city' as const, parentCode: '330000' },
  ];

  it('groups reported county scores by city, leaving out cities with none', () => {
    const groups = groupScoresByCity(counties, cities);
    expect(groups.map((g) => [g.name, g.scores])).toEqual([
      ['杭州市', [90, 70]],
      ['宁波市', [80]],
    ]);
  });

  it('draws one box per city and every county as a point', () => {
    const option = buildScoreDistributionOption({
      groups: groupScoresByCity(counties, cities),
      labels: { min: '最低', q1: 'Q1', median: '中位数', q3: 'Q3', max: '最高', count: '区县数' },
    });
    const [box, points] = option.series as { data: unknown[] }[];
    expect(box?.data).toEqual([
      [70, 75, 80, 85, 90],
      [80, 80, 80, 80, 80],
    ]);
    expect(points?.data).toEqual([
      [0, 90],
      [0, 70],
      [1, 80],
    ]);
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
  });
});

describe('score heatmap', () => {
  const labels = { score: '得分', rate: '完成率', notApplicable: '不适用', notReported: '未报送' };
  type Cell = { value: [number, number, number]; itemStyle: { color: string } };

  it('puts reported agencies in rank order against each indicator, the unreported below in grey', () => {
    const option = buildScoreHeatmapOption({
      rows: [...CITY_ROWS].reverse(),
      indicators: INDICATORS,
      indicatorName: (i) => i.nameZh,
      labels,
    });
    expect(heatmapRows(CITY_ROWS)).toHaveLength(CITY_ROWS.length);
    const names = (option.yAxis as { data: string[] }).data;
    expect(names[0]).toBe('杭州市');
    expect(names[names.length - 1]).toBe('金华市'); // not reported: last
    expect((option.xAxis as { data: string[] }).data).toHaveLength(7);
    const data = (option.series as HeatmapSeriesOption[])[0]?.data as Cell[];
    expect(data).toHaveLength(CITY_ROWS.length * 7);
    expect(data[0]?.value).toEqual([0, 0, 80]);
    // Annual inspection is not applicable (0/0): drawn grey with a dash, not left blank.
    expect(data[2]?.value).toEqual([2, 0, -1]);
    expect(data[2]?.itemStyle.color).toBe(HEATMAP_EMPTY.color);
    expect(data[data.length - 1]?.itemStyle.color).toBe(HEATMAP_EMPTY.color);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ value: [6, 0, 80] })).toContain('87.81 %');
    expect(tooltip.formatter({ value: [0, names.length - 1, -1] })).toContain('未报送');
  });

  it('writes every cell’s value, legibly, even with 90 counties', () => {
    const many = Array.from({ length: 90 }, (_, i) => ({
      ...CITY_ROWS[0],
      agencyCode: String(330101 + i),
      rank: i + 1,
    })) as typeof CITY_ROWS;
    const option = buildScoreHeatmapOption({
      rows: many,
      indicators: INDICATORS,
      indicatorName: (i) => i.nameZh,
      labels,
    });
    const series = (option.series as HeatmapSeriesOption[])[0];
    expect(series?.label?.show).toBe(true);
    expect(series?.label?.fontSize).toBeGreaterThanOrEqual(11);
    const format = series?.label?.formatter as (p: { value: number[] }) => string;
    expect(format({ value: [0, 0, 79.6] })).toBe('80');
    expect(format({ value: [2, 0, -1] })).toBe('—');
  });

  it('slants the indicator names on a phone so they do not overlap', () => {
    const option = buildScoreHeatmapOption({
      rows: CITY_ROWS,
      indicators: INDICATORS,
      indicatorName: (i) => i.nameZh,
      labels,
      compact: true,
    });
    expect((option.xAxis as { axisLabel: { rotate: number } }).axisLabel.rotate).toBe(45);
  });

  it('colours cells by band with a readable text colour', () => {
    expect(heatmapBand(95).min).toBe(90);
    expect(heatmapBand(60).min).toBe(60);
    expect(heatmapBand(12).min).toBe(0);
    expect(heatmapCellText(100)).toBe('100');
  });
});
