import type { ImportDto } from '@scorecard/contracts';
import { neutraliseCell } from '../rankings/spreadsheet-cell';

/** The error report as CSV for Excel: UTF-8 with BOM, Chinese headers, formula-like text neutralised. */
export function buildImportErrorReport(file: ImportDto): string {
  const quote = (value: string | number) => {
    const text = String(neutraliseCell(String(value)));
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [['行号', '列', '值', '原因'].join(',')];
  for (const error of file.errors) {
    lines.push([error.row, error.field, error.value, error.message].map(quote).join(','));
  }
  if ((file.errorCount ?? 0) > file.errors.length) {
    lines.push(quote(`共 ${file.errorCount} 个错误，此处列出前 ${file.errors.length} 个`));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
