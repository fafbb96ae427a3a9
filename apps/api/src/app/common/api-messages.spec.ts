import { API_MESSAGES, isMessageKey, translate } from './api-messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the API message catalogue', () => {
  it.each(Object.entries(API_MESSAGES))(
    'words %s in both languages with the same parameters',
    (_key, wording) => {
      expect(wording['zh-CN'].trim()).not.toBe('');
      expect(wording.en.trim()).not.toBe('');
      expect(placeholders(wording['zh-CN'])).toEqual(placeholders(wording.en));
    },
  );

  it('fills parameters, words a month state inside a sentence, and leaves unknown ones visible', () => {
    expect(
      translate('zh-CN', 'period.wrongState', {
        period: '2026-10',
        status: { key: 'status.locked' },
        expected: { key: 'status.open' },
      }),
    ).toBe('2026-10 已锁定，此操作要求月份采集中');
    expect(translate('en', 'period.notFound', {})).toBe('Period {period} does not exist');
    expect(isMessageKey('period.notFound')).toBe(true);
    expect(isMessageKey('toString')).toBe(false);
  });
});
