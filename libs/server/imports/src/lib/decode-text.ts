import { isAscii } from 'node:buffer';
import { getDecoder } from 'iconv-lite';
import { ImportFileError } from './import-file.error';

export type TextEncoding = 'utf-8' | 'gb18030';

/** How many bytes after the first non-ASCII byte decide the encoding. */
const SNIFF_BYTES = 4096;

/**
 * Decodes a CSV byte stream to text: UTF-8 with or without BOM, or GBK (as Excel in China saves
 * CSV; decoded as its superset GB18030). The encoding is decided on the first non-ASCII bytes; a
 * file that later stops being valid in that encoding, UTF-16 text or binary data is refused.
 */
export async function* decodeText(
  bytes: AsyncIterable<Buffer>,
  onEncoding?: (encoding: TextEncoding) => void,
): AsyncGenerator<string> {
  let decode: ((chunk: Buffer, last: boolean) => string) | null = null;
  /** Undecided bytes: from the first non-ASCII byte on, until there are enough to tell. */
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;

  const decide = (last: boolean): string => {
    const bom = offset === 0 && hasUtf8Bom(pending);
    const firstNonAscii = firstNonAsciiOf(pending);
    const encoding = bom ? 'utf-8' : encodingOf(pending.subarray(Math.max(firstNonAscii, 0)), last);
    onEncoding?.(encoding);
    decode = decoderFor(encoding, () => offset);
    const text = decode(bom ? pending.subarray(3) : pending, last);
    offset += pending.length;
    pending = Buffer.alloc(0);
    return text;
  };

  for await (const chunk of bytes) {
    if (decode) {
      const text = (decode as (chunk: Buffer, last: boolean) => string)(chunk, false);
      offset += chunk.length;
      if (text) yield text;
      continue;
    }
    if (offset === 0 && pending.length === 0) refuseNonText(chunk);
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    if (pending.length < SNIFF_BYTES) continue;
    const firstNonAscii = firstNonAsciiOf(pending);
    if (
      firstNonAscii === -1 ||
      (firstNonAscii > 0 && pending.length - firstNonAscii < SNIFF_BYTES)
    ) {
      // ASCII reads the same in UTF-8 and GBK: pass it on and keep only what is still undecided.
      const ascii = firstNonAscii === -1 ? pending.length : firstNonAscii;
      yield pending.toString('latin1', 0, ascii);
      offset += ascii;
      pending = pending.subarray(ascii);
      continue;
    }
    const text = decide(false);
    if (text) yield text;
  }
  if (!decode) {
    if (offset === 0) refuseNonText(pending);
    const text = decide(true);
    if (text) yield text;
    return;
  }
  const rest = (decode as (chunk: Buffer, last: boolean) => string)(Buffer.alloc(0), true);
  if (rest) yield rest;
}

/**
 * The encoding of a CSV byte stream, decided as decodeText decides it, reading no further than the
 * first non-ASCII bytes (an ASCII file is read through, a chunk at a time, and called UTF-8).
 */
export async function detectEncoding(
  bytes: AsyncIterable<Buffer> | Iterable<Buffer>,
): Promise<TextEncoding> {
  let sample: Buffer | null = null;
  let first = true;
  for await (const chunk of bytes) {
    if (first) {
      refuseNonText(chunk);
      if (hasUtf8Bom(chunk)) return 'utf-8';
      first = false;
    }
    if (sample === null) {
      if (isAscii(chunk)) continue;
      sample = chunk.subarray(firstNonAsciiOf(chunk));
    } else {
      sample = Buffer.concat([sample, chunk]);
    }
    if (sample.length >= SNIFF_BYTES) return encodingOf(sample, false);
  }
  return sample === null ? 'utf-8' : encodingOf(sample, true);
}

/** UTF-8 unless the first non-ASCII bytes (`fromFirstNonAscii`) are no valid UTF-8. */
function encodingOf(fromFirstNonAscii: Buffer, last: boolean): TextEncoding {
  return looksLikeUtf8(
    fromFirstNonAscii.subarray(0, SNIFF_BYTES),
    last && fromFirstNonAscii.length <= SNIFF_BYTES,
  )
    ? 'utf-8'
    : 'gb18030';
}

function decoderFor(
  encoding: TextEncoding,
  offset: () => number,
): (chunk: Buffer, last: boolean) => string {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return (chunk, last) => {
      try {
        return decoder.decode(chunk, { stream: !last });
      } catch {
        throw new ImportFileError({ key: 'file.invalidUtf8', params: { offset: offset() } });
      }
    };
  }
  const decoder = getDecoder('gb18030');
  return (chunk, last) => decoder.write(chunk) + (last ? (decoder.end() ?? '') : '');
}

/** Where the first byte above 0x7f is; -1 when there is none (checked natively first). */
function firstNonAsciiOf(bytes: Buffer): number {
  if (isAscii(bytes)) return -1;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return i;
  return -1;
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function refuseNonText(head: Buffer): void {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ImportFileError({ key: 'file.utf16' });
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new ImportFileError({ key: 'file.zip' });
  }
  if (head.subarray(0, 1024).includes(0)) {
    throw new ImportFileError({ key: 'file.binary' });
  }
}

/** Whether the bytes are valid UTF-8, allowing a sequence cut off at the end of a sample. */
function looksLikeUtf8(sample: Buffer, whole: boolean): boolean {
  let i = 0;
  while (i < sample.length) {
    const byte = sample[i];
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0) return false;
    for (let k = 1; k < length; k++) {
      if (i + k >= sample.length) return !whole;
      if ((sample[i + k] & 0xc0) !== 0x80) return false;
    }
    i += length;
  }
  return true;
}
