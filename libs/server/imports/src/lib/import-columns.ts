import type { ImportKind } from '@scorecard/contracts';
import type { ImportMessage } from './import-messages';

/** The columns of each kind of import file, in the order the template lists them. */
export const IMPORT_COLUMNS = {
  ratings: ['agency_code', 'rated_at', 'channel', 'level', 'rating_id', 'service_item', 'comment'],
  consultations: ['agency_code', 'asked_at', 'replied_at'],
  submissions: ['period', 'agency_code', 'indicator_code', 'numerator', 'denominator'],
} as const satisfies Record<ImportKind, readonly string[]>;

export type ImportColumn = (typeof IMPORT_COLUMNS)[ImportKind][number];

/** Header names people write for each column besides its code: Chinese as in the province's templates. */
const COLUMN_ALIASES: Record<ImportColumn, readonly string[]> = {
  agency_code: ['机构编码', '机构代码', '经办机构编码'],
  rated_at: ['评价时间'],
  channel: ['渠道', '评价渠道'],
  level: ['评价等级', '等级'],
  asked_at: ['咨询时间', '提问时间'],
  replied_at: ['回复时间', '答复时间'],
  period: ['统计月份', '月份'],
  indicator_code: ['指标编码', '指标代码'],
  numerator: ['分子'],
  denominator: ['分母'],
  rating_id: ['评价编号'],
  service_item: ['办理事项'],
  comment: ['评价内容'],
};

/** Columns that may be left empty in a row. */
export const OPTIONAL_COLUMNS: ReadonlySet<ImportColumn> = new Set(['replied_at']);

/**
 * Columns a file may leave out altogether (the 好差评 details of a rating: a file without them
 * imports as before, its bad reviews then without id, service item or comment).
 */
export const OMISSIBLE_COLUMNS: ReadonlySet<ImportColumn> = new Set([
  'rating_id',
  'service_item',
  'comment',
]);

/** The longest text each free-text column takes, in characters. */
export const MAX_TEXT_LENGTH: Partial<Record<ImportColumn, number>> = {
  rating_id: 64,
  service_item: 200,
  comment: 2000,
};

export interface HeaderProblem extends ImportMessage {
  field: string;
  value: string;
}

export interface HeaderMapping {
  /** Position of each column in a row. */
  positions: Map<ImportColumn, number>;
  problems: HeaderProblem[];
}

function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Maps a header row to the kind's columns, English codes or Chinese names alike; reports every
 * unknown, duplicate and missing column at once.
 */
export function mapHeader(kind: ImportKind, header: readonly string[]): HeaderMapping {
  const columns: readonly ImportColumn[] = IMPORT_COLUMNS[kind];
  const byName = new Map<string, ImportColumn>();
  for (const column of columns) {
    byName.set(column, column);
    for (const alias of COLUMN_ALIASES[column]) byName.set(normaliseHeader(alias), column);
  }
  const positions = new Map<ImportColumn, number>();
  const problems: HeaderProblem[] = [];
  header.forEach((raw, position) => {
    const name = normaliseHeader(raw);
    if (name === '') {
      // Excel leaves trailing empty header cells when a column was cleared.
      return;
    }
    const column = byName.get(name);
    if (!column) {
      problems.push({
        field: raw.trim(),
        value: raw.trim(),
        key: 'header.unknown',
        params: { name: raw.trim(), expected: columns.join(', ') },
      });
    } else if (positions.has(column)) {
      problems.push({
        field: raw.trim(),
        value: raw.trim(),
        key: 'header.duplicate',
        params: { name: raw.trim(), column },
      });
    } else {
      positions.set(column, position);
    }
  });
  for (const column of columns) {
    if (!positions.has(column) && !OMISSIBLE_COLUMNS.has(column)) {
      const names = [column, ...COLUMN_ALIASES[column]].join(' / ');
      problems.push({ field: column, value: '', key: 'header.missing', params: { names } });
    }
  }
  return { positions, problems };
}
