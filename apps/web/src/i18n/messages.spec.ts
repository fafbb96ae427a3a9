import { describe, expect, it } from 'vitest';
import en from './en';
import { loadSavedLocale } from './index';
import zhCN from './zh-CN';
import { SCHEME_MESSAGES } from '../features/scheme/scheme.messages';
import { STAR_MESSAGES } from '../features/stars/star.messages';
import { USER_MESSAGES } from '../features/users/user.messages';
import { CALENDAR_MESSAGES } from '../features/calendar/calendar.messages';
import { BAD_REVIEW_MESSAGES } from '../features/bad-reviews/bad-review.messages';
import { BULLETIN_MESSAGES } from '../features/bulletin/bulletin.messages';
import { IMPORT_MESSAGES } from '../features/imports/import.messages';
import { ENTRY_MESSAGES } from '../features/entry/entry.messages';
import { FEEDBACK_MESSAGES } from '../features/feedback/feedback.messages';
import { FEEDBACK_NOTICE_MESSAGES } from '../features/notifications/feedback-notice';
import { WINDOW_MESSAGES } from '../shared/windows/window.messages';
import { HONOUR_MESSAGES } from '../features/honours/honour.messages';
import { NATIONAL_MESSAGES } from '../features/rankings/national.messages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it.each([
    ['the scheme editor', SCHEME_MESSAGES],
    ['the service star pages', STAR_MESSAGES],
    ['the people page', USER_MESSAGES],
    ['the calendar page', CALENDAR_MESSAGES],
    ['the bad-review pages', BAD_REVIEW_MESSAGES],
    ['the bulletin’s follow-up', BULLETIN_MESSAGES],
    ['the import pages', IMPORT_MESSAGES],
    ['the data-entry page', ENTRY_MESSAGES],
    ['the feedback sheet', FEEDBACK_MESSAGES],
    ['the message of a published month', FEEDBACK_NOTICE_MESSAGES],
    ['the quarter, half-year and year choice', WINDOW_MESSAGES],
    ['the honour roll page', HONOUR_MESSAGES],
    ['the national league tables', NATIONAL_MESSAGES],
  ])('of %s, loaded with its pages, have the same keys in both languages and none of the app’s', (_, page) => {
    expect(keys(page.en).sort()).toEqual(keys(page['zh-CN']).sort());
    const appKeys = new Set(keys(zhCN));
    expect(keys(page['zh-CN']).filter((key) => appKeys.has(key))).toEqual([]);
  });

  it('use the agreed Chinese labels', () => {
    expect(zhCN.rankings.level).toMatchObject({ city: '地市', county: '区县' });
    expect(zhCN.rankings.scope).toMatchObject({ aggregate: '全市', own: '本级' });
    expect(zhCN.rankings.table.notReported).toBe('未报送');
    expect(zhCN.period.status).toEqual({ open: '采集中', locked: '已锁定', published: '已发布' });
    expect(zhCN.grade).toEqual({
      excellent: '优秀',
      good: '良好',
      pass: '合格',
      basic: '基本合格',
      fail: '不合格',
    });
  });

  it('defaults to Chinese unless English was chosen', () => {
    expect(loadSavedLocale({ getItem: () => null })).toBe('zh-CN');
    expect(loadSavedLocale({ getItem: () => 'en' })).toBe('en');
    expect(loadSavedLocale({ getItem: () => 'fr' })).toBe('zh-CN');
    expect(
      loadSavedLocale({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe('zh-CN');
  });
});
