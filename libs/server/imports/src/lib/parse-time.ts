import { periodOf } from '@scorecard/scoring';
import type { ImportCell } from './import-cell';

/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

// 2026-10-05, 2026/10/5 9:30, 2026-10-05T09:30:00.123+08:00, 2026-10-31T16:30:00Z
const TIME_TEXT =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A point in time from an import cell: ISO 8601 text with an offset, or without one (then it is
 * Asia/Shanghai wall-clock time, as are Excel date cells). Null when the cell is no valid time.
 */
export function parseTime(cell: ImportCell): Date | null {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? null : shanghaiWallClock(cell.getTime());
  }
  if (typeof cell === 'number') {
    // An Excel serial date whose cell lost its date format.
    return cell > 0 && Number.isFinite(cell)
      ? shanghaiWallClock(EXCEL_EPOCH_MS + Math.round(cell * DAY_MS))
      : null;
  }
  if (typeof cell !== 'string') return null;
  const plain = plainTime(cell);
  return plain === undefined ? timeByPattern(cell) : plain;
}

/** A time read by the general pattern only (what `parseTime` does for unusual shapes). */
export function timeByPattern(cell: string): Date | null {
  const match = TIME_TEXT.exec(cell.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const fields = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.slice(0, 3).padEnd(3, '0')),
  };
  if (
    !isValidWallClock(
      fields.year,
      fields.month,
      fields.day,
      fields.hour,
      fields.minute,
      fields.second,
    )
  )
    return null;
  const wallClock = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.millisecond,
  );
  return new Date(wallClock - offsetMinutes(zone) * 60_000);
}

/** Milliseconds since the epoch at which Asia/Shanghai months begin, by period, and back. */
let monthStart = 0;
let monthEnd = 0;
let monthPeriod = '';

/**
 * The month (YYYY-MM) that `at` falls in, in Asia/Shanghai time, as `periodOf` says; the month last
 * asked for is remembered, for a file's rows mostly fall in one.
 */
export function shanghaiPeriodOf(at: Date): string {
  return shanghaiPeriodOfMs(at.getTime());
}

/** `shanghaiPeriodOf` of a time in milliseconds since the epoch. */
export function shanghaiPeriodOfMs(ms: number): string {
  if (ms >= monthStart && ms < monthEnd) return monthPeriod;
  const period = periodOf(new Date(ms));
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const offset = SHANGHAI_OFFSET_MINUTES * 60_000;
  monthStart = Date.UTC(year, month - 1, 1) - offset;
  monthEnd = Date.UTC(year, month, 1) - offset;
  monthPeriod = period;
  return period;
}

/**
 * The common machine-written shapes, read without a regular expression:
 * `2026-10-05T09:30:00+08:00`, `2026-10-31T16:30:00Z`, `2026-10-05 09:30:00` (`T` or space).
 * Undefined for any other text, which the general pattern then reads.
 */
function plainTime(text: string): Date | null | undefined {
  const ms = plainTimeIn(text, 0, text.length);
  return ms === undefined || ms === null ? ms : new Date(ms);
}

/**
 * `plainTime` of the text between `start` and `end` of a line, in milliseconds since the epoch;
 * NaN for any other shape or an invalid time (the general reading then decides).
 */
export function plainTimeMs(text: string, start: number, end: number): number {
  return plainTimeIn(text, start, end - start) ?? Number.NaN;
}

function plainTimeIn(text: string, at: number, length: number): number | null | undefined {
  if (length !== 19 && length !== 20 && length !== 25) return undefined;
  const separator = text.charCodeAt(at + 10);
  if (
    text.charCodeAt(at + 4) !== 0x2d ||
    text.charCodeAt(at + 7) !== 0x2d ||
    (separator !== 0x54 && separator !== 0x20) ||
    text.charCodeAt(at + 13) !== 0x3a ||
    text.charCodeAt(at + 16) !== 0x3a
  )
    return undefined;
  const year = digits(text, at, 4);
  const month = digits(text, at + 5, 2);
  const day = digits(text, at + 8, 2);
  const hour = digits(text, at + 11, 2);
  const minute = digits(text, at + 14, 2);
  const second = digits(text, at + 17, 2);
  if ((year | month | day | hour | minute | second) < 0) return undefined;
  let offset = SHANGHAI_OFFSET_MINUTES;
  if (length === 20) {
    const zone = text.charCodeAt(at + 19);
    if (zone !== 0x5a && zone !== 0x7a) return undefined;
    offset = 0;
  } else if (length === 25) {
    const sign = text.charCodeAt(at + 19);
    const zoneHours = digits(text, at + 20, 2);
    const zoneMinutes = digits(text, at + 23, 2);
    if (
      (sign !== 0x2b && sign !== 0x2d) ||
      text.charCodeAt(at + 22) !== 0x3a ||
      (zoneHours | zoneMinutes) < 0
    )
      return undefined;
    offset = (sign === 0x2d ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  if (hour >= 24 || minute >= 60 || second >= 60) return null;
  const midnight = utcMidnight(year, month, day);
  if (Number.isNaN(midnight)) return null;
  return midnight + ((hour * 60 + minute - offset) * 60 + second) * 1000;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Date.UTC of a day, or NaN when there is no such day (as `isValidWallClock` says), in integer
 * arithmetic (days from the civil calendar): a call of Date.UTC per row costs more than the row.
 */
function utcMidnight(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return Number.NaN;
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100) return Date.UTC(year, month - 1, day);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146097 + dayOfEra - 719468) * 86_400_000;
}

/** The decimal number of `count` ASCII digits at `start`; -1 when one is no digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function shanghaiWallClock(utcFieldsMs: number): Date {
  return new Date(utcFieldsMs - SHANGHAI_OFFSET_MINUTES * 60_000);
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined) return SHANGHAI_OFFSET_MINUTES;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

function isValidWallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = day <= 28 ? 28 : new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth && hour < 24 && minute < 60 && second < 60;
}
