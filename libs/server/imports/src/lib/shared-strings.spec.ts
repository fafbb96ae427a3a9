import { SharedStrings } from './shared-strings';

describe('SharedStrings', () => {
  it('gives back every string, empty ones first and between', () => {
    const strings = new SharedStrings();
    const texts = ['', '杭州市', '', 'a', '满意', ''];
    for (const text of texts) strings.add(text);
    expect(strings.size).toBe(texts.length);
    expect(texts.map((_, index) => strings.get(index))).toEqual(texts);
  });

  it('keeps strings apart across pages, a long string on a page of its own', () => {
    const strings = new SharedStrings();
    const long = '评'.repeat(400_000); // 1.2 MB of UTF-8, past one page
    const texts = ['x'.repeat(700_000), 'y'.repeat(400_000), long, '', 'after', 'z'.repeat(1_048_576)];
    for (const text of texts) strings.add(text);
    expect(texts.map((_, index) => strings.get(index))).toEqual(texts);
  });

  it('indexes more strings than one block holds', () => {
    const strings = new SharedStrings();
    const count = 200_000;
    for (let i = 0; i < count; i++) strings.add(String(i));
    expect(strings.size).toBe(count);
    for (const index of [0, 65_535, 65_536, 131_072, count - 1]) expect(strings.get(index)).toBe(String(index));
  });

  it('answers null for an index the workbook does not have', () => {
    const strings = new SharedStrings();
    strings.add('a');
    expect([strings.get(1), strings.get(-1), strings.get(0.5)]).toEqual([null, null, null]);
  });
});
