import { DERIVED_INDICATOR, type RawRecordEncoder } from '@scorecard/server-database';
import { type ImportColumn, MAX_TEXT_LENGTH } from './import-columns';
import { looksLikeFormula, parseChannel, parseLevel } from './field-values';
import { plainTimeMs, shanghaiPeriodOfMs } from './parse-time';
import type { ImportContext } from './validate-row';

/**
 * Reads one plain line of a raw-record CSV (no quote) straight into the encoder: true when every
 * field is in its common machine-written form and valid. False leaves the line to the general
 * reading, which then accepts it or names what is wrong, exactly as for any other row; so this
 * decides nothing the general reading would decide otherwise. No object is made per line.
 */
export type PlainLineReader = (text: string, start: number, end: number, row: number) => boolean;

/** Spellings of a channel or level seen in a file, with what they read as (null: not valid). */
const MAX_REMEMBERED_SPELLINGS = 64;

export function plainRecordLineReader(args: {
  kind: 'ratings' | 'consultations';
  /** Column positions from the file's header; `width` is one past the last used column. */
  positions: ReadonlyMap<ImportColumn, number>;
  width: number;
  context: ImportContext;
  encoder: RawRecordEncoder;
  /** Shared with the general reading: an id names one rating of the file. */
  seenRatingIds: Map<string, number>;
}): PlainLineReader {
  const { positions, width, context, encoder, seenRatingIds } = args;
  const at = (column: ImportColumn) => positions.get(column) ?? -1;
  // Codes the uploader may import, by their number: no string is made to look one up.
  const agencies = new Map<number, string>();
  for (const code of context.agenciesInScope)
    if (/^\d{6}$/.test(code) && context.knownAgencies.has(code)) agencies.set(Number(code), code);
  const now = context.now.getTime();
  const derived = DERIVED_INDICATOR[args.kind];
  const inScheme = new Map<string, boolean>();
  const periodOf = (ms: number): string | null => {
    const period = shanghaiPeriodOfMs(ms);
    let known = inScheme.get(period);
    if (known === undefined) {
      known = context.indicatorsFor(period).has(derived);
      inScheme.set(period, known);
    }
    return known ? period : null;
  };
  // Field k of the current line spans [starts[k], starts[k + 1] - 1).
  const starts = new Int32Array(width + 1);
  const split = (text: string, start: number, end: number): boolean => {
    starts[0] = start;
    let from = start;
    for (let field = 1; field <= width; field++) {
      const comma = text.indexOf(',', from);
      if (comma === -1 || comma >= end) {
        if (field < width) return false;
        starts[width] = end + 1;
        return true;
      }
      starts[field] = comma + 1;
      from = comma + 1;
    }
    // Past the file's columns only empty fields may follow.
    for (let i = from; i < end; i++) if (text.charCodeAt(i) !== 0x2c) return false;
    return true;
  };
  const agencyOf = (text: string, column: number): string | undefined => {
    const from = starts[column] as number;
    if ((starts[column + 1] as number) - 1 - from !== 6) return undefined;
    let code = 0;
    for (let i = from; i < from + 6; i++) {
      const digit = text.charCodeAt(i) - 0x30;
      if (digit < 0 || digit > 9) return undefined;
      code = code * 10 + digit;
    }
    return agencies.get(code);
  };
  const timeOf = (text: string, column: number): number => {
    const ms = plainTimeMs(text, starts[column] as number, (starts[column + 1] as number) - 1);
    return ms <= now ? ms : Number.NaN;
  };
  const empty = (column: number) => starts[column + 1] === (starts[column] as number) + 1;

  if (args.kind === 'consultations') {
    const agencyAt = at('agency_code');
    const askedAt = at('asked_at');
    const repliedAt = at('replied_at');
    return (text, start, end) => {
      if (!split(text, start, end)) return false;
      const agency = agencyOf(text, agencyAt);
      if (agency === undefined) return false;
      const asked = timeOf(text, askedAt);
      if (Number.isNaN(asked)) return false;
      let replied: number | null = null;
      if (repliedAt >= 0 && !empty(repliedAt)) {
        replied = timeOf(text, repliedAt);
        if (Number.isNaN(replied) || replied < asked) return false;
      }
      const period = periodOf(asked);
      if (period === null) return false;
      encoder.consultation(period, agency, asked, replied);
      return true;
    };
  }

  const agencyAt = at('agency_code');
  const ratedAt = at('rated_at');
  const channelAt = at('channel');
  const levelAt = at('level');
  const ratingIdAt = at('rating_id');
  const serviceItemAt = at('service_item');
  const commentAt = at('comment');
  const channels = new Map<string, string | null>();
  const levels = new Map<string, number | null>();
  /** A spelling read as the general reading would (trimmed, no formula), remembered. */
  const remembered = <T>(
    cache: Map<string, T | null>,
    text: string,
    read: (text: string) => T | null,
  ): T | null => {
    let value = cache.get(text);
    if (value === undefined) {
      value = text === text.trim() && !looksLikeFormula(text) ? read(text) : null;
      if (cache.size < MAX_REMEMBERED_SPELLINGS) cache.set(text, value);
    }
    return value;
  };
  /** Valid channel spellings met so far, compared in place: no string is made for a known one. */
  const spellings: { text: string; code: string }[] = [];
  const channelOf = (text: string, from: number, to: number): string | null => {
    for (const spelling of spellings)
      if (spelling.text.length === to - from && text.startsWith(spelling.text, from))
        return spelling.code;
    const written = text.slice(from, to);
    const code = remembered(channels, written, parseChannel);
    if (code !== null && spellings.length < MAX_REMEMBERED_SPELLINGS)
      spellings.push({ text: written, code });
    return code;
  };
  /** Optional free text: null when empty, undefined when the general reading must decide. */
  const optionalText = (
    text: string,
    column: number,
    field: ImportColumn,
  ): string | null | undefined => {
    if (column < 0 || empty(column)) return null;
    const value = text.slice(starts[column], (starts[column + 1] as number) - 1);
    if (value !== value.trim() || looksLikeFormula(value)) return undefined;
    // UTF-16 units are never fewer than characters: longer may still fit, which the general reading counts.
    if (value.length > (MAX_TEXT_LENGTH[field] ?? Number.POSITIVE_INFINITY)) return undefined;
    return value;
  };
  return (text, start, end, row) => {
    if (!split(text, start, end)) return false;
    const agency = agencyOf(text, agencyAt);
    if (agency === undefined) return false;
    const rated = timeOf(text, ratedAt);
    if (Number.isNaN(rated)) return false;
    const channel = channelOf(
      text,
      starts[channelAt] as number,
      (starts[channelAt + 1] as number) - 1,
    );
    if (channel === null) return false;
    let level: number | null;
    const levelFrom = starts[levelAt] as number;
    const digit = text.charCodeAt(levelFrom) - 0x30;
    if ((starts[levelAt + 1] as number) - 1 - levelFrom === 1 && digit >= 1 && digit <= 5)
      level = digit;
    else
      level = remembered(
        levels,
        text.slice(levelFrom, (starts[levelAt + 1] as number) - 1),
        parseLevel,
      );
    if (level === null) return false;
    const ratingId = optionalText(text, ratingIdAt, 'rating_id');
    const serviceItem = optionalText(text, serviceItemAt, 'service_item');
    const comment = optionalText(text, commentAt, 'comment');
    if (ratingId === undefined || serviceItem === undefined || comment === undefined) return false;
    if (ratingId !== null && seenRatingIds.has(ratingId)) return false;
    const period = periodOf(rated);
    if (period === null) return false;
    if (ratingId !== null) seenRatingIds.set(ratingId, row);
    encoder.rating(period, agency, rated, channel, level, ratingId, serviceItem, comment);
    return true;
  };
}
