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
  if (!isValidWallClock(fields)) return null;
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

function isValidWallClock(fields: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}): boolean {
  if (fields.month < 1 || fields.month > 12 || fields.day < 1) return false;
  const daysInMonth = new Date(Date.UTC(fields.year, fields.month, 0)).getUTCDate();
  return fields.day <= daysInMonth && fields.hour < 24 && fields.minute < 60 && fields.second < 60;
}
