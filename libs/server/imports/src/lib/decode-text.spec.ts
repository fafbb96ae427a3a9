import { encode } from 'iconv-lite';
import { decodeText, detectEncoding, type TextEncoding } from './decode-text';
import { ImportFileError } from './import-file.error';

async function decode(chunks: Buffer[]): Promise<{ text: string; encoding: TextEncoding | null }> {
  let encoding: TextEncoding | null = null;
  let text = '';
  async function* source() {
    yield* chunks;
  }
  for await (const part of decodeText(source(), (detected) => (encoding = detected))) text += part;
  return { text, encoding };
}

/** Splits bytes into chunks of `size`, cutting through multi-byte characters. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

const CHINESE = '机构编码,评价时间,渠道,评价等级\r\n330102,2026-10-05 09:30:00,窗口,非常满意\r\n';

describe('decodeText', () => {
  it('reads UTF-8 without BOM', async () => {
    expect(await decode([Buffer.from(CHINESE, 'utf8')])).toEqual({
      text: CHINESE,
      encoding: 'utf-8',
    });
  });

  it('drops a UTF-8 BOM', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('agency_code\n', 'utf8'),
    ]);
    expect(await decode([bytes])).toEqual({ text: 'agency_code\n', encoding: 'utf-8' });
  });

  it('detects GBK, as Excel in China saves CSV', async () => {
    expect(await decode([encode(CHINESE, 'gbk')])).toEqual({ text: CHINESE, encoding: 'gb18030' });
  });

  it('decodes characters cut across chunks, in both encodings', async () => {
    const long = CHINESE.repeat(400);
    expect((await decode(chunked(Buffer.from(long, 'utf8'), 7))).text).toBe(long);
    expect((await decode(chunked(encode(long, 'gbk'), 7))).text).toBe(long);
  });

  it('decides on the first non-ASCII text even after a long ASCII start, without holding the file', async () => {
    const ascii =
      'agency_code,rated_at,channel,level\n' +
      '330102,2026-10-05T09:30:00+08:00,window,5\n'.repeat(5000);
    const text = `${ascii}330102,2026-10-05T09:30:00+08:00,窗口,5\n`;
    expect(await decode(chunked(encode(text, 'gbk'), 65536))).toEqual({
      text,
      encoding: 'gb18030',
    });
    expect(await decode(chunked(Buffer.from(text, 'utf8'), 65536))).toEqual({
      text,
      encoding: 'utf-8',
    });
  });

  it('judges GBK by its own bytes when ASCII text before it in the same chunk is longer than the sample', async () => {
    const text = `agency_code,rated_at,channel,level\n${'330102,2026-10-05T09:30:00+08:00,window,5\n'.repeat(200)}${'330102,2026-10-05T09:30:00+08:00,窗口,5\n'.repeat(200)}`;
    expect(await decode([encode(text, 'gbk')])).toEqual({ text, encoding: 'gb18030' });
  });

  it('detects the encoding as decodeText decides it', async () => {
    const ascii = '330102,2026-10-05T09:30:00+08:00,window,5\n'.repeat(5000);
    const cases: [Buffer, TextEncoding][] = [
      [Buffer.from(CHINESE, 'utf8'), 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CHINESE, 'utf8')]), 'utf-8'],
      [encode(CHINESE, 'gbk'), 'gb18030'],
      [encode(`${ascii}${CHINESE}`, 'gbk'), 'gb18030'],
      [Buffer.from(`${ascii}${CHINESE}`, 'utf8'), 'utf-8'],
      [Buffer.from(ascii), 'utf-8'],
      [Buffer.alloc(0), 'utf-8'],
    ];
    for (const [bytes, expected] of cases) {
      for (const size of [7, 65536]) {
        const chunks = chunked(bytes, size);
        expect(await detectEncoding(chunks)).toBe(expected);
        expect((await decode(chunks)).encoding).toBe(expected);
      }
    }
    await expect(detectEncoding(chunked(Buffer.from('\ufeffa', 'utf16le'), 64))).rejects.toThrow(
      /UTF-16/,
    );
  });

  it('reads a plain ASCII file and an empty one', async () => {
    expect(await decode([Buffer.from('a,b\n1,2\n')])).toEqual({
      text: 'a,b\n1,2\n',
      encoding: 'utf-8',
    });
    expect(await decode([])).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('refuses UTF-16, workbooks and binary data', async () => {
    await expect(decode([Buffer.from('\ufeffagency_code', 'utf16le')])).rejects.toThrow(/UTF-16/);
    await expect(decode([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])])).rejects.toThrow(/XLSX/);
    await expect(decode([Buffer.from([0x41, 0x00, 0x42, 0x43, 0x44])])).rejects.toThrow(
      ImportFileError,
    );
  });

  it('refuses a file that stops being UTF-8 half-way', async () => {
    const start = Buffer.from(`${'a'.repeat(10)}窗口${'b'.repeat(5000)}\n`, 'utf8');
    const rest = encode('窗口\n', 'gbk');
    await expect(decode([start, rest])).rejects.toThrow(/not valid UTF-8/);
  });
});
