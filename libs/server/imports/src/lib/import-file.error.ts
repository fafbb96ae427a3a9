import { type ImportMessage, renderImportMessage } from './import-messages';

/** The file as a whole cannot be read (encoding, format, broken quoting): reported as one error. */
export class ImportFileError extends Error {
  /** The row as Excel shows it, when the problem has one; 0 for the file as a whole. */
  readonly row: number;

  /** What is wrong, as a key of the message catalogue (the Error's message is its English text). */
  constructor(
    readonly problem: ImportMessage,
    row = 0,
  ) {
    super(renderImportMessage(problem, 'en'));
    this.name = 'ImportFileError';
    this.row = row;
  }
}
