import en from '../../i18n/en';
import { NOTIFICATION_KINDS } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../i18n';
import { formatDateTime } from './format-time';
import { notificationLink, notificationMessage } from './notification-text';

describe('notificationMessage', () => {
  it('words every kind in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const { t, te } = createAppI18n(locale, { en }).global;
      for (const kind of NOTIFICATION_KINDS) {
        const { key, values } = notificationMessage({
          kind,
          params: { period: '2026-10', agencyCode: '330102', agencyName: '上城区', name: '王芳' },
        });
        expect(te(key)).toBe(true);
        // A published month names the month as Chinese readers write it.
        const month =
          locale === 'zh-CN' && kind === 'feedback.published' ? '2026年10月' : '2026-10';
        expect(t(key, values)).toContain(month);
      }
    }
  });

  it('falls back to the agency code when the name is missing', () => {
    const { t } = createAppI18n('zh-CN').global;
    const { key, values } = notificationMessage({
      kind: 'star.voting_open',
      params: { period: '2026-10', agencyCode: '330102' },
    });
    expect(t(key, values)).toBe('330102 2026-10 服务之星民主推荐投票已开始');
  });

  it('says why a submission was returned and who returned it', () => {
    const item = {
      kind: 'submission.returned' as const,
      params: {
        period: '2026-10',
        agencyCode: '330105',
        agencyName: '拱墅区',
        reason: '投诉件数与台账不符',
        by: 'city-330100',
      },
    };
    const { key, values } = notificationMessage(item);
    expect(createAppI18n('zh-CN').global.t(key, values)).toBe(
      '拱墅区 2026-10 报送数据已被退回：投诉件数与台账不符（city-330100）',
    );
    expect(createAppI18n('en', { en }).global.t(key, values)).toBe(
      '拱墅区 2026-10 figures were returned: 投诉件数与台账不符 (city-330100)',
    );
  });
});

describe('the message of a published month', () => {
  const item = {
    kind: 'feedback.published' as const,
    params: {
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
    },
  };

  it('gives score, rank and items in the reader’s language', () => {
    const zh = createAppI18n('zh-CN').global;
    const chinese = notificationMessage(item, (key) => zh.t(key));
    expect(zh.t(chinese.key, chinese.values)).toBe(
      '2026年9月对标结果已发布：得分 87.81，区县第 3 名，整改事项 2 项（截止 10月21日）',
    );
    const english = createAppI18n('en', { en }).global;
    const message = notificationMessage(item, (key) => english.t(key));
    expect(english.t(message.key, message.values)).toBe(
      'Results of 2026-09 are out: score 87.81, rank 3 of 13, 2 rectification items due 2026-10-21',
    );
    const none = notificationMessage(
      { ...item, params: { ...item.params, count: 0, score: 90 } },
      (key) => zh.t(key),
    );
    expect(zh.t(none.key, none.values)).toBe(
      '2026年9月对标结果已发布：得分 90.00，区县第 3 名，无整改事项',
    );
  });

  it('leads to the agency’s feedback sheet; other messages lead nowhere', () => {
    expect(notificationLink(item)).toEqual({
      name: 'feedback',
      params: { code: '330102' },
      query: { period: '2026-09' },
    });
    expect(notificationLink({ kind: 'star.selected', params: { period: '2026-09' } })).toBeNull();
  });
});

describe('formatDateTime', () => {
  it('shows Shanghai time', () => {
    expect(formatDateTime('2026-10-31T17:05:00Z')).toBe('2026-11-01 01:05');
    expect(formatDateTime('not a time')).toBe('');
  });
});
