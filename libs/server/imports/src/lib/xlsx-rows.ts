import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import type { ImportCell, ImportRow } from './import-cell';
import { ImportFileError } from './import-file.error';

/** The rows of the first worksheet of an XLSX workbook, streamed; Excel's own row numbers. */
export async function* xlsxRows(bytes: Readable): AsyncGenerator<ImportRow[]> {
  // Styles are read so that date cells arrive as dates, not serial numbers.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const worksheet of workbook) {
      sheets += 1;
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: ImportCell[] = [];
        for (let column = 1; column < values.length; column++)
          cells.push(toImportCell(values[column]));
        yield [{ row: row.number, cells }];
      }
      // Only the first worksheet holds the records; notes on other sheets are not read.
      break;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      `the file could not be read as an XLSX workbook (${(error as Error).message})`,
    );
  }
  if (sheets === 0) throw new ImportFileError('the workbook has no worksheet');
}

function toImportCell(value: ExcelJS.CellValue | undefined): ImportCell {
  if (value === undefined || value === null) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if ('formula' in value || 'sharedFormula' in value) {
    return { formula: ('formula' in value ? value.formula : value.sharedFormula) ?? '' };
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  if ('error' in value) return String(value.error);
  return null;
}
