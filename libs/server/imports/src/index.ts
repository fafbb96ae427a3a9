export type { ImportKind } from '@scorecard/contracts';
export * from './lib/csv-rows';
export * from './lib/decode-text';
export * from './lib/import-cell';
export * from './lib/import-columns';
export * from './lib/import-file.error';
export * from './lib/import-messages';
export * from './lib/parse-time';
export * from './lib/read-import-file';
export * from './lib/validate-row';
export * from './lib/xlsx-rows';
// Reading a spreadsheet's rows alone, for files that are not record imports (accounts).
export { csvRows } from './lib/csv-rows';
