import type { ImportErrorDto, Language } from '@scorecard/contracts';
import type { ImportErrorRecord } from '@scorecard/server-database';

type Params = Record<string, string | number>;
type Text = (params: Params) => string;

const n = (value: string | number | undefined) =>
  typeof value === 'number' ? value.toLocaleString('en') : String(value ?? '');
const MONTH_STATUS_ZH: Record<string, string> = { locked: '已锁定', published: '已发布' };

/**
 * Every message an import reports, in each language the product speaks. Errors are stored as a key
 * and its parameters and put into words only when someone reads them, in the reader's language.
 */
const CATALOGUE = {
  'channel.unknown': {
    en: (p) => `unknown channel "${p['value']}" (window 窗口, online 网上, phone 电话, app 移动端)`,
    'zh-CN': (p) =>
      `未知的渠道"${p['value']}"（可填 window 窗口、online 网上、phone 电话、app 移动端）`,
  },
  'level.range': {
    en: () =>
      'must be a whole number from 1 to 5 (5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意)',
    'zh-CN': () => '须为 1 至 5 的整数（5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意）',
  },
  'reply.beforeAsked': {
    en: (p) => `is before the consultation was asked (${p['asked']})`,
    'zh-CN': (p) => `早于咨询时间（${p['asked']}）`,
  },
  'period.format': {
    en: () => 'must be a month as YYYY-MM, e.g. 2026-10',
    'zh-CN': () => '须为 YYYY-MM 格式的月份，例如 2026-10',
  },
  'indicator.unknown': {
    en: (p) =>
      `unknown indicator code "${p['code']}" in the scheme of ${p['period']} (known: ${p['known']})`,
    'zh-CN': (p) => `${p['period']} 的考核方案中没有指标编码"${p['code']}"（现有：${p['known']}）`,
  },
  'indicator.notInScheme': {
    en: (p) =>
      `the scheme of ${p['period']} has no indicator ${p['code']} for these records to count towards`,
    'zh-CN': (p) => `${p['period']} 的考核方案中没有这些记录所计入的指标 ${p['code']}`,
  },
  'numerator.overDenominator': {
    en: () => 'must not exceed the denominator',
    'zh-CN': () => '不得大于分母',
  },
  'figure.duplicate': {
    en: (p) =>
      `duplicate: the file already has ${p['indicator']} of ${p['agency']} for ${p['period']} (data row ${p['earlier']})`,
    'zh-CN': (p) =>
      `重复：文件中已有 ${p['agency']} 在 ${p['period']} 的 ${p['indicator']}（第 ${p['earlier']} 条数据）`,
  },
  'cell.formula': {
    en: () => 'is a formula: the file must hold values (paste as values)',
    'zh-CN': () => '是公式：文件中须为数值（请“选择性粘贴为数值”）',
  },
  'cell.formulaText': {
    en: (p) =>
      `looks like a formula (starts with "${p['first']}"): refused so that it cannot run in a spreadsheet`,
    'zh-CN': (p) => `疑似公式（以"${p['first']}"开头）：为防止其在电子表格中执行，不予接受`,
  },
  'cell.required': { en: () => 'is required', 'zh-CN': () => '不能为空' },
  'agency.format': {
    en: () => 'must be a 6-digit agency code (GB/T 2260), e.g. 330102',
    'zh-CN': () => '须为 6 位机构编码（GB/T 2260），例如 330102',
  },
  'agency.unknown': {
    en: (p) => `unknown agency code ${p['code']}`,
    'zh-CN': (p) => `未知的机构编码 ${p['code']}`,
  },
  'agency.outOfScope': {
    en: (p) =>
      `agency ${p['code']} is outside your scope: you may import figures only for your own agencies`,
    'zh-CN': (p) => `机构 ${p['code']} 不在您的管辖范围内：只能导入本机构及下属机构的数据`,
  },
  'time.invalid': {
    en: () =>
      'is not a valid date and time: use ISO 8601, e.g. 2026-10-05T09:30:00+08:00 (no offset = Beijing time)',
    'zh-CN': () =>
      '不是有效的日期时间：请使用 ISO 8601 格式，例如 2026-10-05T09:30:00+08:00（不带时区即为北京时间）',
  },
  'time.future': { en: () => 'is in the future', 'zh-CN': () => '晚于当前时间' },
  'amount.not_a_number': { en: () => 'must be a number', 'zh-CN': () => '须为数字' },
  'amount.negative': { en: () => 'must not be negative', 'zh-CN': () => '不得为负数' },
  'amount.too_many_decimals': {
    en: () => 'must have at most 2 decimals',
    'zh-CN': () => '最多保留 2 位小数',
  },
  'amount.too_large': {
    en: (p) => `is too large (at most ${p['digits']} digits before the decimal point)`,
    'zh-CN': (p) => `数值过大（整数部分最多 ${p['digits']} 位）`,
  },
  'row.extraValues': {
    en: () => 'has more values than the header has columns (an unquoted comma?)',
    'zh-CN': () => '数据列数多于表头列数（是否有未加引号的逗号？）',
  },
  'file.empty': {
    en: () => 'the file is empty: no header and no data rows',
    'zh-CN': () => '文件为空：既没有表头，也没有数据行',
  },
  'file.noRows': {
    en: () => 'the file has a header but no data rows',
    'zh-CN': () => '文件只有表头，没有数据行',
  },
  'file.xls': {
    en: () => 'XLS workbooks (Excel 97–2003) are not supported: save the file as XLSX or CSV',
    'zh-CN': () => '不支持 XLS 工作簿（Excel 97–2003）：请另存为 XLSX 或 CSV',
  },
  'file.unsupportedType': {
    en: (p) => `unsupported file type "${p['type']}": upload CSV (UTF-8 or GBK) or XLSX`,
    'zh-CN': (p) => `不支持的文件类型"${p['type']}"：请上传 CSV（UTF-8 或 GBK 编码）或 XLSX`,
  },
  'file.utf16': {
    en: () => 'the file is UTF-16 text ("Unicode text"): save it as "CSV UTF-8" or as XLSX',
    'zh-CN': () => '文件为 UTF-16 文本（“Unicode 文本”）：请另存为“CSV UTF-8”或 XLSX',
  },
  'file.zip': {
    en: () => 'the file is a ZIP archive or a workbook, not CSV text: name an XLSX workbook .xlsx',
    'zh-CN': () => '文件是 ZIP 压缩包或工作簿，不是 CSV 文本：XLSX 工作簿的文件名须以 .xlsx 结尾',
  },
  'file.binary': {
    en: () => 'the file is binary data, not CSV text in UTF-8 or GBK',
    'zh-CN': () => '文件是二进制数据，不是 UTF-8 或 GBK 编码的 CSV 文本',
  },
  'file.invalidUtf8': {
    en: (p) =>
      `the file is not valid UTF-8 near byte ${n(p['offset'])} (mixed encodings?): save it again as "CSV UTF-8" or as XLSX`,
    'zh-CN': (p) =>
      `文件在第 ${n(p['offset'])} 字节附近不是有效的 UTF-8 编码（是否混用了编码？）：请重新另存为“CSV UTF-8”或 XLSX`,
  },
  'csv.malformed': {
    en: (p) => `the CSV is malformed in row ${p['row']}: ${p['detail']}`,
    'zh-CN': (p) => `CSV 格式有误（第 ${p['row']} 行）：${p['detail']}`,
  },
  'header.unknown': {
    en: (p) => `unknown column "${p['name']}" (expected: ${p['expected']})`,
    'zh-CN': (p) => `未知的列"${p['name']}"（应为：${p['expected']}）`,
  },
  'header.duplicate': {
    en: (p) => `duplicate column: "${p['name']}" is ${p['column']} again`,
    'zh-CN': (p) => `重复的列："${p['name']}"与已有的 ${p['column']} 列是同一列`,
  },
  'text.tooLong': {
    en: (p) => `is longer than ${n(p['max'])} characters (${n(p['length'])})`,
    'zh-CN': (p) => `超过 ${n(p['max'])} 个字符（${n(p['length'])} 个）`,
  },
  'ratingId.duplicate': {
    en: (p) => `duplicate rating id "${p['id']}": row ${p['earlier']} has it too`,
    'zh-CN': (p) => `评价编号"${p['id']}"重复：第 ${p['earlier']} 行已有该编号`,
  },
  'header.missing': {
    en: (p) => `missing column ${p['names']}`,
    'zh-CN': (p) => `缺少列 ${p['names']}`,
  },
  'xlsx.partTooLarge': {
    en: (p) =>
      `the workbook inflates too far: its part ${p['part']} is larger than ${p['limit']} once unpacked`,
    'zh-CN': (p) => `工作簿解压后过大：其中的 ${p['part']} 解压后超过 ${p['limit']}，不予处理`,
  },
  'xlsx.totalTooLarge': {
    en: (p) =>
      `the workbook inflates too far: its parts are larger than ${p['limit']} together once unpacked`,
    'zh-CN': (p) => `工作簿解压后过大：各部分解压后合计超过 ${p['limit']}，不予处理`,
  },
  'xlsx.unreadable': {
    en: (p) => `the file could not be read as an XLSX workbook (${p['detail']})`,
    'zh-CN': (p) => `无法按 XLSX 工作簿读取该文件（${p['detail']}）`,
  },
  'xlsx.noWorksheet': {
    en: () => 'the workbook has no worksheet',
    'zh-CN': () => '工作簿中没有工作表',
  },
  'xlsx.cellTooLong': {
    en: (p) => `row ${p['row']} has a cell longer than Excel allows (${n(p['max'])} characters)`,
    'zh-CN': (p) => `第 ${p['row']} 行有单元格超过 Excel 允许的长度（${n(p['max'])} 个字符）`,
  },
  'xlsx.beyondLastColumn': {
    en: (p) => `row ${p['row']} has a cell beyond Excel's last column (XFD)`,
    'zh-CN': (p) => `第 ${p['row']} 行有单元格超出 Excel 的最后一列（XFD）`,
  },
  'xlsx.missingSharedString': {
    en: () => 'the workbook refers to a shared string it does not have',
    'zh-CN': () => '工作簿引用了不存在的共享字符串',
  },
  'period.closed': {
    en: (p) => `month ${p['period']} is ${p['status']}: its figures can no longer change`,
    'zh-CN': (p) =>
      `${p['period']} ${MONTH_STATUS_ZH[String(p['status'])] ?? p['status']}，数据不能再修改`,
  },
  'period.notOpen': {
    en: (p) => `month ${p['period']} is not open yet`,
    'zh-CN': (p) => `${p['period']} 尚未开放`,
  },
} satisfies Record<string, Record<Language, Text>>;

export type ImportMessageKey = keyof typeof CATALOGUE;

/** A message as stored: its key and parameters, put into words when read. */
export interface ImportMessage {
  key: ImportMessageKey;
  params?: Params;
}

function isKey(key: string): key is ImportMessageKey {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, key);
}

export function renderImportMessage(message: ImportMessage, language: Language): string {
  return CATALOGUE[message.key][language](message.params ?? {});
}

/**
 * Puts a stored error into words in the reader's language. Errors stored before messages had keys
 * carry their text already and are shown as they are.
 */
export function importErrorRenderer(
  language: Language,
): (error: ImportErrorRecord) => ImportErrorDto {
  return (error) => ({
    row: error.row,
    field: error.field,
    value: error.value,
    message:
      error.key !== undefined && isKey(error.key)
        ? renderImportMessage({ key: error.key, params: error.params }, language)
        : (error.message ?? error.key ?? ''),
  });
}
