import {
  checkAmount,
  formatAmount,
  isPeriod,
  MAX_AMOUNT_INTEGER_DIGITS,
} from '@scorecard/scoring';
import {
  DERIVED_INDICATOR,
  type StagedConsultation,
  type StagedRating,
  type StagedRecord,
  type StagedSubmission,
} from '@scorecard/server-database';
import type { ImportKind } from '@scorecard/contracts';
import { type ImportCell, isFormulaCell } from './import-cell';
import { type ImportColumn, MAX_TEXT_LENGTH } from './import-columns';
import {
  CHANNEL_CODES,
  cellText,
  isAgencyCode,
  looksLikeFormula,
  parseChannel,
  parseLevel,
} from './field-values';
import type { ImportMessage } from './import-messages';
import { parseTime, shanghaiPeriodOf } from './parse-time';

/** What the reader checks each row against. */
export interface ImportContext {
  kind: ImportKind;
  /** Agencies the uploader may import figures for. */
  agenciesInScope: ReadonlySet<string>;
  knownAgencies: ReadonlySet<string>;
  /**
   * The indicators in force in a month (YYYY-MM), by code; `allowsOverTarget` lets the numerator
   * exceed the denominator. Each row is checked against the scheme of its own month.
   */
  indicatorsFor: (period: string) => ReadonlyMap<string, { allowsOverTarget: boolean }>;
  /** Times after this are refused as in the future. */
  now: Date;
  /** How many errors to list (all are counted). */
  maxErrors: number;
}

/** What is wrong with a field; the reader names the field as the file's header did. */
export interface FieldProblem extends ImportMessage {
  field: ImportColumn | '';
  value: string;
}

export type RowCheck = { record: StagedRecord } | { problems: FieldProblem[] };

/** `row` is the row's number as a spreadsheet shows it (for messages naming another row). */
export type RowValidator = (cells: (column: ImportColumn) => ImportCell, row?: number) => RowCheck;

const ANSWER_WINDOW_MS = 48 * 3600_000;

/** What a row is checked against, with the file's own names of its columns. */
interface RowContext extends ImportContext {
  /** A column's name as the file's header wrote it (for messages that name another column). */
  headerName: (column: ImportColumn) => string;
}

/** A validator for one kind of file; it remembers what it saw (duplicate figures). */
export function createRowValidator(
  importContext: ImportContext,
  headerName: (column: ImportColumn) => string = (column) => column,
  /** Rating ids seen so far, with the row of each; shared with whoever else reads the file's rows. */
  seenRatingIds: Map<string, number> = new Map(),
): RowValidator {
  // A month's indicators are asked for on every row: each month is looked up once per file.
  const indicatorsByMonth = new Map<string, ReturnType<ImportContext['indicatorsFor']>>();
  const indicatorsFor = (period: string) => {
    let indicators = indicatorsByMonth.get(period);
    if (indicators === undefined) {
      indicators = importContext.indicatorsFor(period);
      indicatorsByMonth.set(period, indicators);
    }
    return indicators;
  };
  const context: RowContext = { ...importContext, headerName, indicatorsFor };
  switch (context.kind) {
    case 'ratings': {
      // An id names one rating of the file.
      let count = 0;
      return (cell, row) => checkRating(cell, context, seenRatingIds, row ?? ++count);
    }
    case 'consultations':
      return (cell) => checkConsultation(cell, context);
    case 'submissions': {
      const seen = new Map<string, number>();
      let row = 0;
      return (cell) => checkSubmission(cell, context, seen, ++row);
    }
  }
}

function checkRating(
  cell: (column: ImportColumn) => ImportCell,
  context: ImportContext,
  seenIds: Map<string, number>,
  row: number,
): RowCheck {
  const problems: FieldProblem[] = [];
  const ratingId = checkOptionalText('rating_id', cell('rating_id'), problems);
  const serviceItem = checkOptionalText('service_item', cell('service_item'), problems);
  const comment = checkOptionalText('comment', cell('comment'), problems);
  if (ratingId !== null) {
    const earlier = seenIds.get(ratingId);
    if (earlier !== undefined) {
      problems.push({
        field: 'rating_id',
        value: ratingId,
        key: 'ratingId.duplicate',
        params: { id: ratingId, earlier },
      });
    } else {
      seenIds.set(ratingId, row);
    }
  }
  const agencyCode = checkAgency(cell('agency_code'), context, problems);
  const ratedAt = checkTime('rated_at', cell('rated_at'), context, problems, true);
  const channel = checkText('channel', cell('channel'), problems, (text) =>
    parseChannel(text) === null ? { key: 'channel.unknown', params: { value: text } } : null,
  );
  const levelCell = cell('level');
  let level: number | null = null;
  if (checkFormula('level', levelCell, problems)) {
    level = parseLevel(levelCell);
    if (level === null) {
      problems.push({ field: 'level', value: cellText(levelCell), key: 'level.range' });
    }
  }
  if (ratedAt !== null) checkDerived('ratings', 'rated_at', cell('rated_at'), ratedAt, context, problems);
  if (
    problems.length > 0 ||
    agencyCode === null ||
    ratedAt === null ||
    channel === null ||
    level === null
  )
    return { problems };
  const record: StagedRating = {
    period: shanghaiPeriodOf(ratedAt),
    agencyCode,
    ratedAt,
    channel: parseChannel(channel) as (typeof CHANNEL_CODES)[number],
    level,
    ratingId,
    serviceItem,
    comment,
  };
  return { record };
}

function checkConsultation(
  cell: (column: ImportColumn) => ImportCell,
  context: RowContext,
): RowCheck {
  const problems: FieldProblem[] = [];
  const agencyCode = checkAgency(cell('agency_code'), context, problems);
  const askedAt = checkTime('asked_at', cell('asked_at'), context, problems, true);
  const repliedAt = checkTime('replied_at', cell('replied_at'), context, problems, false);
  if (askedAt && repliedAt && repliedAt < askedAt) {
    problems.push({
      field: 'replied_at',
      value: cellText(cell('replied_at')),
      key: 'reply.beforeAsked',
      params: { asked: context.headerName('asked_at') },
    });
  }
  if (askedAt !== null)
    checkDerived('consultations', 'asked_at', cell('asked_at'), askedAt, context, problems);
  if (problems.length > 0 || agencyCode === null || askedAt === null) return { problems };
  const record: StagedConsultation = {
    period: shanghaiPeriodOf(askedAt),
    agencyCode,
    askedAt,
    repliedAt,
    answeredWithin48h:
      repliedAt !== null && repliedAt.getTime() - askedAt.getTime() <= ANSWER_WINDOW_MS,
  };
  return { record };
}

function checkSubmission(
  cell: (column: ImportColumn) => ImportCell,
  context: ImportContext,
  seen: Map<string, number>,
  row: number,
): RowCheck {
  const problems: FieldProblem[] = [];
  const periodCell = cell('period');
  // Excel turns a typed "2026-10" into a date: its month is meant.
  const periodText =
    periodCell instanceof Date
      ? `${periodCell.getUTCFullYear()}-${String(periodCell.getUTCMonth() + 1).padStart(2, '0')}`
      : cellText(periodCell);
  const period = checkText('period', periodCell, problems, () =>
    isPeriod(periodText) ? null : { key: 'period.format' },
  );
  const agencyCode = checkAgency(cell('agency_code'), context, problems);
  // Without a valid month there is no scheme to check the code against; the month is refused.
  const indicators = period === null ? null : context.indicatorsFor(periodText);
  const indicatorCode = checkText('indicator_code', cell('indicator_code'), problems, (text) =>
    indicators === null || indicators.has(text)
      ? null
      : {
          key: 'indicator.unknown',
          params: { code: text, period: periodText, known: [...indicators.keys()].join(', ') },
        },
  );
  const numerator = checkFigure('numerator', cell('numerator'), problems);
  const denominator = checkFigure('denominator', cell('denominator'), problems);
  if (
    indicatorCode !== null &&
    numerator !== null &&
    denominator !== null &&
    numerator > denominator
  ) {
    if (!indicators?.get(indicatorCode)?.allowsOverTarget) {
      problems.push({
        field: 'numerator',
        value: cellText(cell('numerator')),
        key: 'numerator.overDenominator',
      });
    }
  }
  if (period !== null && agencyCode !== null && indicatorCode !== null) {
    const key = `${periodText}/${agencyCode}/${indicatorCode}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        field: 'indicator_code',
        value: indicatorCode,
        key: 'figure.duplicate',
        params: { indicator: indicatorCode, agency: agencyCode, period: periodText, earlier },
      });
    } else {
      seen.set(key, row);
    }
  }
  if (
    problems.length > 0 ||
    agencyCode === null ||
    indicatorCode === null ||
    numerator === null ||
    denominator === null
  ) {
    return { problems };
  }
  const record: StagedSubmission = {
    period: periodText,
    agencyCode,
    indicatorCode,
    numerator: formatAmount(numerator),
    denominator: formatAmount(denominator),
  };
  return { record };
}

/** A raw record makes a figure of its month's scheme: the scheme must have that indicator. */
function checkDerived(
  kind: 'ratings' | 'consultations',
  field: ImportColumn,
  cell: ImportCell,
  at: Date,
  context: ImportContext,
  problems: FieldProblem[],
): void {
  const period = shanghaiPeriodOf(at);
  const code = DERIVED_INDICATOR[kind];
  if (!context.indicatorsFor(period).has(code)) {
    problems.push({
      field,
      value: cellText(cell),
      key: 'indicator.notInScheme',
      params: { period, code },
    });
  }
}

/** False (with the problem noted) when the cell is a formula or text a spreadsheet would run. */
function checkFormula(field: ImportColumn, cell: ImportCell, problems: FieldProblem[]): boolean {
  if (isFormulaCell(cell)) {
    problems.push({ field, value: cellText(cell), key: 'cell.formula' });
    return false;
  }
  const text = cellText(cell);
  if (looksLikeFormula(text)) {
    problems.push({
      field,
      value: text,
      key: 'cell.formulaText',
      params: { first: text[0] ?? '' },
    });
    return false;
  }
  return true;
}

/** Free text that may be empty (null then), at most its column's length. */
function checkOptionalText(
  field: ImportColumn,
  cell: ImportCell,
  problems: FieldProblem[],
): string | null {
  if (!checkFormula(field, cell, problems)) return null;
  const text = cellText(cell);
  if (text === '') return null;
  const max = MAX_TEXT_LENGTH[field];
  // Characters as people count them (a Chinese character is one), not UTF-16 units.
  const length = [...text].length;
  if (max !== undefined && length > max) {
    problems.push({
      field,
      value: [...text].slice(0, 50).join(''),
      key: 'text.tooLong',
      params: { max, length },
    });
    return null;
  }
  return text;
}

/** Required text, checked by `problem` (which returns what is wrong, or null). */
function checkText(
  field: ImportColumn,
  cell: ImportCell,
  problems: FieldProblem[],
  problem: (text: string) => ImportMessage | null,
): string | null {
  if (!checkFormula(field, cell, problems)) return null;
  const text = cellText(cell);
  if (text === '') {
    problems.push({ field, value: '', key: 'cell.required' });
    return null;
  }
  const message = problem(text);
  if (message !== null) {
    problems.push({ field, value: text, ...message });
    return null;
  }
  return text;
}

function checkAgency(
  cell: ImportCell,
  context: ImportContext,
  problems: FieldProblem[],
): string | null {
  return checkText('agency_code', cell, problems, (code) => {
    if (!isAgencyCode(code)) return { key: 'agency.format' };
    if (!context.knownAgencies.has(code)) return { key: 'agency.unknown', params: { code } };
    if (!context.agenciesInScope.has(code))
      return { key: 'agency.outOfScope', params: { code } };
    return null;
  });
}

function checkTime(
  field: ImportColumn,
  cell: ImportCell,
  context: ImportContext,
  problems: FieldProblem[],
  required: boolean,
): Date | null {
  if (!checkFormula(field, cell, problems)) return null;
  const text = cellText(cell);
  if (text === '') {
    if (required) problems.push({ field, value: '', key: 'cell.required' });
    return null;
  }
  const at = parseTime(cell);
  if (at === null) {
    problems.push({ field, value: text, key: 'time.invalid' });
    return null;
  }
  if (at.getTime() > context.now.getTime()) {
    problems.push({ field, value: text, key: 'time.future' });
    return null;
  }
  return at;
}

/** A count or amount in fen (hundredths), exact. */
function checkFigure(
  field: ImportColumn,
  cell: ImportCell,
  problems: FieldProblem[],
): bigint | null {
  if (typeof cell !== 'number' && !checkFormula(field, cell, problems)) return null;
  const text = cellText(cell);
  if (text === '') {
    problems.push({ field, value: '', key: 'cell.required' });
    return null;
  }
  const amount = checkAmount(typeof cell === 'number' ? cell : text);
  if (!amount.ok) {
    problems.push({
      field,
      value: text,
      key: `amount.${amount.problem}`,
      params: { digits: MAX_AMOUNT_INTEGER_DIGITS },
    });
    return null;
  }
  return amount.cents;
}
