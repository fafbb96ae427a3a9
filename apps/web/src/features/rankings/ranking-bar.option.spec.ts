import type { Grade, RankingRowDto } from '@scorecard/contracts';
import type { BarSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { formatScore } from '../../shared/format';
import { CITY_ROWS } from '../../testing/rankings.fixture';
import {
  barLabelText,
  barTooltipHtml,
  buildRankingBarOption,
  type RankingBar,
  type RankingBarLabels,
  rankingBars,
  rankingChartHeight,
} from './ranking-bar.option';

const GRADE_ZH: Record<Grade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  basic: '基本合格',
  fail: '不合格',
};

const labels: RankingBarLabels = {
  score: '综合得分',
  grade: '等级',
  code: '编码',
  gradeLabel: (grade) => GRADE_ZH[grade],
};

function seriesOf(rows: readonly RankingRowDto[]) {
  const option = buildRankingBarOption({ rows, labels });
  const series = (option.series as BarSeriesOption[])[0];
  const data = (series?.data ?? []) as {
    value: number;
    name: string;
    itemStyle: { color: string };
  }[];
  const yAxis = option.yAxis as { data: string[]; inverse: boolean };
  return { option, series, data, yAxis };
}

describe('buildRankingBarOption', () => {
  it('draws one bar per reported agency, best first, and leaves out the unreported', () => {
    const { data, yAxis } = seriesOf(CITY_ROWS);
    expect(yAxis.data).toEqual(['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市']);
    expect(yAxis.data).not.toContain('金华市');
    expect(yAxis.inverse).toBe(true); // first category at the top
    expect(data.map((d) => d.value)).toEqual([92.5, 85.5, 85.5, 71.2, 64, 55.25]);
  });

  it('sorts by score even when the rows come in another order (ties by code)', () => {
    const shuffled = [...CITY_ROWS].reverse();
    const { yAxis } = seriesOf(shuffled);
    expect(yAxis.data.slice(0, 3)).toEqual(['杭州市', '宁波市', '温州市']);
  });

  it('colours each bar by grade with the colour-blind-safe palette', () => {
    const { data } = seriesOf(CITY_ROWS);
    expect(data.map((d) => d.itemStyle.color)).toEqual([
      '#0072B2',
      '#56B4E9',
      '#56B4E9',
      '#009E73',
      '#E69F00',
      '#D55E00',
    ]);
  });

  it('writes score and grade in the bar label so colour is never the only cue', () => {
    const { series } = seriesOf(CITY_ROWS);
    const formatter = series?.label?.formatter as (p: { dataIndex: number }) => string;
    expect(formatter({ dataIndex: 0 })).toBe('92.50 优秀');
    expect(formatter({ dataIndex: 5 })).toBe('55.25 不合格');
  });

  it('puts name, code, score and grade text in the tooltip', () => {
    const { option } = seriesOf(CITY_ROWS);
    const tooltip = option.tooltip as { formatter: (p: { dataIndex: number }) => string };
    const html = tooltip.formatter({ dataIndex: 3 });
    expect(html).toContain('嘉兴市');
    expect(html).toContain('编码: 330400');
    expect(html).toContain('综合得分: 71.20');
    expect(html).toContain('等级: ');
    expect(html).toContain('合格');
  });

  it('uses a 0–100 value axis and shows every category label', () => {
    const { option } = seriesOf(CITY_ROWS);
    expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 100 });
    expect(option.yAxis).toMatchObject({ type: 'category', axisLabel: { interval: 0 } });
    expect(option.aria).toEqual({ enabled: true });
  });

  it('handles an empty ranking', () => {
    const { data, yAxis } = seriesOf([]);
    expect(data).toEqual([]);
    expect(yAxis.data).toEqual([]);
  });
});

function onlyBar(row: Partial<RankingRowDto>): RankingBar {
  const [hangzhou] = CITY_ROWS;
  const bars = hangzhou ? rankingBars([{ ...hangzhou, ...row }]) : [];
  if (bars.length !== 1 || !bars[0]) throw new Error('expected one bar');
  return bars[0];
}

function onlyRow(): RankingRowDto {
  const [hangzhou] = CITY_ROWS;
  if (!hangzhou) throw new Error('fixture rows missing');
  return hangzhou;
}

describe('bar helpers', () => {
  it('escapes names in the tooltip', () => {
    expect(barTooltipHtml(onlyBar({ name: '<b>x</b>' }), labels)).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('falls back to a neutral bar without a grade', () => {
    const bar = onlyBar({ grade: null });
    expect(bar.color).toBe('#8C8C8C');
    expect(barLabelText(bar, labels)).toBe('92.50');
  });

  it('grows the chart with the number of bars up to a window of 25, then scrolls', () => {
    expect(rankingChartHeight(0)).toBe(160);
    expect(rankingChartHeight(11)).toBe(11 * 22 + 48);
    expect(rankingChartHeight(90)).toBeLessThanOrEqual(640);
    expect(rankingChartHeight(90)).toBe(rankingChartHeight(25) + 16);
  });

  it('on a phone writes the score alone beside each bar and shortens names', () => {
    const option = buildRankingBarOption({ rows: [onlyRow()], labels, compact: true });
    const series = (option.series as BarSeriesOption[])[0];
    const format = (series?.label as { formatter: (p: { dataIndex: number }) => string }).formatter;
    expect(format({ dataIndex: 0 })).toBe(formatScore(onlyRow().score ?? 0));
    expect((option.yAxis as { axisLabel: { width: number } }).axisLabel.width).toBeLessThan(96);
  });

  it('shows 90 counties 25 at a time, best first, with a slider to scroll the rest', () => {
    const rows = Array.from({ length: 90 }, (_, i) => ({
      ...onlyRow(),
      agencyCode: String(330101 + i),
      rank: i + 1,
      score: 95 - i / 3,
    }));
    const option = buildRankingBarOption({ rows, labels });
    const zooms = option.dataZoom as { type: string; startValue: number; endValue: number }[];
    expect(zooms.find((z) => z.type === 'slider')).toMatchObject({ startValue: 0, endValue: 24 });
    const few = buildRankingBarOption({ rows: rows.slice(0, 11), labels });
    expect(few.dataZoom).toBeUndefined();
  });
});
