import { describe, expect, it } from 'vitest';
import { feedbackNoticeLink, feedbackNoticeText } from './feedback-notice';

describe('the message of a published month', () => {
  const params = {
    period: '2026-09',
    version: 1,
    agencyCode: '330102',
    agencyName: '上城区',
    level: 'county' as const,
    score: 87.81,
    rank: 3,
    of: 13,
    count: 2,
    deadline: '2026-10-21',
  };

  it('gives score, rank and items in the reader’s language', () => {
    expect(feedbackNoticeText(params, 'zh-CN')).toBe(
      '2026年9月对标结果已发布：得分 87.81，区县第 3 名，整改事项 2 项（截止 10月21日）',
    );
    expect(feedbackNoticeText(params, 'en')).toBe(
      'Results of 2026-09 are out: score 87.81, rank 3 of 13, 2 rectification items due 2026-10-21',
    );
    expect(feedbackNoticeText({ ...params, level: 'city', count: 0, score: 90 }, 'zh-CN')).toBe(
      '2026年9月对标结果已发布：得分 90.00，地市第 3 名，无整改事项',
    );
    expect(feedbackNoticeText({ ...params, score: null, rank: null }, 'zh-CN')).toBe(
      '2026年9月对标结果已发布：上城区本月未报送',
    );
  });

  it('leads to the agency’s feedback sheet of the month', () => {
    expect(feedbackNoticeLink(params)).toEqual({
      name: 'feedback',
      params: { code: '330102' },
      query: { period: '2026-09' },
    });
    expect(feedbackNoticeLink({ period: '2026-09' })).toBeNull();
  });
});
