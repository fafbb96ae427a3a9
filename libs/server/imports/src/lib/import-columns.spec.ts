import { mapHeader } from './import-columns';

describe('mapHeader', () => {
  it('maps English codes in any order, case and spacing', () => {
    const { positions, problems } = mapHeader('ratings', [
      'Level',
      ' channel ',
      'Rated At',
      '\uFEFFagency_code',
    ]);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(positions)).toEqual({
      level: 0,
      channel: 1,
      rated_at: 2,
      agency_code: 3,
    });
  });

  it('maps the Chinese names of every kind', () => {
    expect(mapHeader('ratings', ['机构编码', '评价时间', '渠道', '评价等级']).problems).toEqual([]);
    expect(mapHeader('consultations', ['机构编码', '咨询时间', '回复时间']).problems).toEqual([]);
    expect(
      mapHeader('submissions', ['统计月份', '机构编码', '指标编码', '分子', '分母']).problems,
    ).toEqual([]);
  });

  it('ignores empty trailing header cells', () => {
    expect(
      mapHeader('consultations', ['agency_code', 'asked_at', 'replied_at', '', ' ']).problems,
    ).toEqual([]);
  });

  it('reports unknown, duplicate and missing columns together, in that order', () => {
    const { problems } = mapHeader('ratings', [
      'agency_code',
      'remark',
      'rated_at',
      '评价时间',
      'channel',
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'remark',
        key: 'header.unknown',
        params: { name: 'remark', expected: 'agency_code, rated_at, channel, level' },
      }),
      // Named as the file wrote it.
      expect.objectContaining({
        field: '评价时间',
        value: '评价时间',
        key: 'header.duplicate',
        params: { name: '评价时间', column: 'rated_at' },
      }),
      expect.objectContaining({
        field: 'level',
        key: 'header.missing',
        params: { names: 'level / 评价等级 / 等级' },
      }),
    ]);
  });

  it('does not accept a column of another kind', () => {
    const { problems } = mapHeader('ratings', [
      'agency_code',
      'rated_at',
      'channel',
      'level',
      'asked_at',
    ]);
    expect(problems.map((problem) => problem.field)).toEqual(['asked_at']);
  });
});
