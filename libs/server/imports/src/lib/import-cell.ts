/**
 * One cell as a file gives it: CSV cells are text; XLSX cells may also be numbers, dates (Excel's
 * wall-clock time, carried in the Date's UTC fields), formulas or error values.
 */
export type ImportCell = string | number | boolean | Date | FormulaCell | null;

/** A cell that holds a formula: refused, the file must carry values. */
export interface FormulaCell {
  formula: string;
}

export function isFormulaCell(cell: ImportCell): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** A row of cells and its number as Excel shows it (the header is row 1). */
export interface ImportRow {
  row: number;
  cells: ImportCell[];
}
