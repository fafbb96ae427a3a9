import { describe, expect, it } from 'vitest';
import { buildRankMoveOption } from './rank-move.option';
import { previewLines } from './scheme-preview';
import { previewFixture } from './scheme.fixture';

describe('buildRankMoveOption', () => {
  const lines = previewLines(previewFixture().rows, {
    level: 'city',
    sort: 'score',
    order: 'desc',
  });

  it('draws the largest moves at the top, up in green and down in red, leaving out who stays', () => {
    const option = buildRankMoveOption({ lines, limit: 3, moveLabel: (move) => String(move) });
    const series = (
      option.series as { data: { value: number; itemStyle: { color: string } }[] }[]
    )[0];
    // ECharts draws a category axis bottom-up: the last is the top bar; equal moves by code.
    expect((option.yAxis as { data: string[] }).data).toEqual([
      '机构330100',
      '机构330700',
      '机构330600',
    ]);
    expect(series?.data.map((bar) => bar.value)).toEqual([-2, 4, -4]);
    expect(series?.data.map((bar) => bar.itemStyle.color)).toEqual([
      '#c62828',
      '#1b7f3b',
      '#c62828',
    ]);
  });
});
