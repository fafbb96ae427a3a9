import type { ImportDto, Language } from '@scorecard/contracts';
import { neutraliseCell } from '../rankings/spreadsheet-cell';

const HEADERS: Record<Language, string[]> = {
  'zh-CN': ['行号', '列', '值', '原因'],
  en: ['Row', 'Field', 'Value', 'Message'],
};

/** The error report as CSV for Excel: UTF-8 with BOM, in the reader's language, formula-like text neutralised. */
export function buildImportErrorReport(file: ImportDto, language: Language): string {
  const quote = (value: string | number) => {
    const text = String(neutraliseCell(String(value)));
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [HEADERS[language].join(',')];
  for (const error of file.errors) {
    lines.push([error.row, error.field, error.value, error.message].map(quote).join(','));
  }
  if ((file.errorCount ?? 0) > file.errors.length) {
    lines.push(
      quote(
        language === 'en'
          ? `${file.errorCount} errors in all; the first ${file.errors.length} are listed`
          : `共 ${file.errorCount} 个错误，此处列出前 ${file.errors.length} 个`,
      ),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
