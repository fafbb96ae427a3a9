import en from '../../i18n/en';
import { NOTIFICATION_KINDS } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../i18n';
import { formatDateTime } from './format-time';
import { notificationMessage } from './notification-text';

describe('notificationMessage', () => {
  it('words every kind in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const { t, te } = createAppI18n(locale, { en }).global;
      // A published month's message is worded by its own module, loaded with the first one.
      for (const kind of NOTIFICATION_KINDS.filter((name) => name !== 'feedback.published')) {
        const { key, values } = notificationMessage({
          kind,
          params: { period: '2026-10', agencyCode: '330102', agencyName: '上城区', name: '王芳' },
        });
        expect(te(key)).toBe(true);
        expect(t(key, values)).toContain('2026-10');
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

describe('formatDateTime', () => {
  it('shows Shanghai time', () => {
    expect(formatDateTime('2026-10-31T17:05:00Z')).toBe('2026-11-01 01:05');
    expect(formatDateTime('not a time')).toBe('');
  });
});
