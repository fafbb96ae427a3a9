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

  it('maps the optional 好差评 columns of a ratings file, by code or Chinese name, and never asks for them', () => {
    const chinese = mapHeader('ratings', [
      '评价编号',
      '机构编码',
      '评价时间',
      '渠道',
      '评价等级',
      '办理事项',
      '评价内容',
    ]);
    expect(chinese.problems).toEqual([]);
    expect(Object.fromEntries(chinese.positions)).toMatchObject({
      rating_id: 0,
      service_item: 5,
      comment: 6,
    });
    const some = mapHeader('ratings', ['agency_code', 'rated_at', 'channel', 'level', 'Rating ID']);
    expect(some.problems).toEqual([]);
    expect(some.positions.get('rating_id')).toBe(4);
    expect(some.positions.has('comment')).toBe(false);
  });

  it('does not take the 好差评 columns in other kinds of file', () => {
    expect(
      mapHeader('consultations', ['agency_code', 'asked_at', 'replied_at', 'comment']).problems,
    ).toEqual([expect.objectContaining({ key: 'header.unknown', field: 'comment' })]);
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
        params: {
          name: 'remark',
          expected: 'agency_code, rated_at, channel, level, rating_id, service_item, comment',
        },
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
