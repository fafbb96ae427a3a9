/** Characters that make a spreadsheet treat a text cell as a formula (CSV/formula injection). */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * Makes a text safe to put in an exported cell: text that would start a formula gets a leading
 * apostrophe, so Excel and WPS show it as text instead of evaluating it. Numbers stay numbers.
 */
export function neutraliseCell<T>(value: T): T | string {
  if (typeof value !== 'string' || value.length === 0) return value;
  return FORMULA_TRIGGERS.includes(value[0]) ? `'${value}` : value;
}
