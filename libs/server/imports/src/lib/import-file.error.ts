/** The file as a whole cannot be read (encoding, format, broken quoting): reported as one error. */
export class ImportFileError extends Error {
  /** The row as Excel shows it, when the problem has one; 0 for the file as a whole. */
  readonly row: number;

  constructor(message: string, row = 0) {
    super(message);
    this.name = 'ImportFileError';
    this.row = row;
  }
}
