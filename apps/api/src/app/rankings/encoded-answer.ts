import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

export type ContentCoding = 'br' | 'gzip';

/**
 * A JSON answer serialized once, with its strong entity tag and its compressed forms (made on first
 * use, or all at once for an answer kept in memory). The tag is a hash of the JSON itself, so equal
 * answers carry equal tags in every API process and across restarts, and a changed answer never
 * carries an old tag.
 */
export class EncodedAnswer {
  readonly etag: string;
  private gzipped: Buffer | null = null;
  private brotlied: Buffer | null = null;
  /** The headers of each form's answers, made once per form (see `headersOf`). */
  private readonly headerSets = new Map<ContentCoding | null, { full: readonly string[]; notModified: readonly string[] }>();

  private constructor(readonly json: Buffer) {
    this.etag = createHash('sha256').update(json).digest('base64url').slice(0, 32);
  }

  static of(body: unknown): EncodedAnswer {
    return new EncodedAnswer(Buffer.from(JSON.stringify(body), 'utf8'));
  }

  /** The body in `coding`, or as it is. */
  body(coding: ContentCoding | null): Buffer {
    if (coding === 'gzip') return (this.gzipped ??= gzipSync(this.json));
    if (coding === 'br') {
      // Quality 5: most of brotli's gain over gzip for a small fraction of quality 11's time.
      return (this.brotlied ??= brotliCompressSync(this.json, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: this.json.length },
      }));
    }
    return this.json;
  }

  /** Makes every form now, so that serving it later costs nothing. */
  compressed(): this {
    this.body('gzip');
    this.body('br');
    return this;
  }

  /** What it holds in memory, in bytes. */
  get byteSize(): number {
    return this.json.length + (this.gzipped?.length ?? 0) + (this.brotlied?.length ?? 0) + this.etag.length;
  }

  /** The strong tag of one form: each coding is a representation of its own. */
  tagOf(coding: ContentCoding | null): string {
    return coding === null ? `"${this.etag}"` : `"${this.etag}-${coding}"`;
  }

  /** The headers, as name/value pairs, of an answer in `coding`: with its body, or a 304. */
  headersOf(coding: ContentCoding | null, notModified: boolean): readonly string[] {
    let sets = this.headerSets.get(coding);
    if (!sets) {
      // Browsers and proxies may keep it for this caller only and must ask again before reusing
      // it (the tag makes that question cheap).
      const common = ['Cache-Control', 'private, no-cache', 'Vary', 'Accept-Encoding, Authorization', 'ETag', this.tagOf(coding)];
      const full = [...common, 'Content-Type', 'application/json; charset=utf-8'];
      if (coding) full.push('Content-Encoding', coding);
      full.push('Content-Length', String(this.body(coding).length));
      sets = { full: Object.freeze(full), notModified: Object.freeze(common) };
      this.headerSets.set(coding, sets);
    }
    return notModified ? sets.notModified : sets.full;
  }
}

/** Lower-case names of the headers an encoded answer sets (they replace any set before). */
export const ANSWER_HEADER_NAMES: readonly string[] = ['cache-control', 'vary', 'etag', 'content-type', 'content-encoding', 'content-length'];

/** Codings chosen for the `Accept-Encoding` headers seen (browsers send a handful of them). */
const chosenCodings = new Map<string, ContentCoding | null>();
const MAX_CHOSEN_CODINGS = 256;

/** The coding to send for an `Accept-Encoding` header: brotli, else gzip, when accepted (q > 0). */
export function preferredCoding(acceptEncoding: string | undefined): ContentCoding | null {
  if (!acceptEncoding) return null;
  const chosen = chosenCodings.get(acceptEncoding);
  if (chosen !== undefined) return chosen;
  const coding = chooseCoding(acceptEncoding);
  if (chosenCodings.size >= MAX_CHOSEN_CODINGS) chosenCodings.clear();
  chosenCodings.set(acceptEncoding, coding);
  return coding;
}

function chooseCoding(acceptEncoding: string): ContentCoding | null {
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: ContentCoding): number => accepted.get(coding) ?? accepted.get('*') ?? 0;
  if (weightOf('br') > 0 && weightOf('br') >= weightOf('gzip')) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return null;
}

/**
 * Whether an `If-None-Match` header names this answer (in any of its codings: the client holds the
 * same content, whichever form it came in). Weak comparison, as the header asks for.
 */
export function matchesAnswer(ifNoneMatch: string | undefined, answer: EncodedAnswer): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((raw) => {
    const tag = raw.trim();
    if (tag === '*') return true;
    const opaque = tag.replace(/^W\//, '').replace(/^"|"$/g, '');
    return opaque === answer.etag || opaque === `${answer.etag}-gzip` || opaque === `${answer.etag}-br`;
  });
}

/** What to answer a request with `headers` for `answer`: its status, headers and body. */
export interface EncodedReply {
  status: 200 | 304;
  /** Name/value pairs. */
  headers: readonly string[];
  body: Buffer | undefined;
}

/**
 * The answer as the client can take it: 304 with no body when it already holds it, else the JSON
 * compressed when accepted.
 */
export function encodedReply(headers: IncomingHttpHeaders, answer: EncodedAnswer): EncodedReply {
  const coding = preferredCoding(headers['accept-encoding']);
  if (matchesAnswer(headers['if-none-match'], answer)) return { status: 304, headers: answer.headersOf(coding, true), body: undefined };
  return { status: 200, headers: answer.headersOf(coding, false), body: answer.body(coding) };
}

/** Sends the answer on a response that may already carry headers (they stay, unless the answer sets them). */
export function sendEncodedAnswer(request: { headers: IncomingHttpHeaders }, response: ServerResponse, answer: EncodedAnswer): void {
  const reply = encodedReply(request.headers, answer);
  for (let i = 0; i < reply.headers.length; i += 2) response.setHeader(reply.headers[i] as string, reply.headers[i + 1] as string);
  response.statusCode = reply.status;
  response.end(reply.body);
}
