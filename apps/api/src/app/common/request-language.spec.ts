import { languageOf } from '@scorecard/contracts';

describe('languageOf', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['de, fr', 'zh-CN'],
    ['zh;q=0.3, en;q=0.7', 'en'],
    ['en;q=0, zh;q=0.1', 'zh-CN'],
    ['en;q=abc', 'zh-CN'],
  ])('reads %p as %s', (header, expected) => {
    expect(languageOf(header)).toBe(expected);
  });
});
