export type { ImportKind } from '@scorecard/contracts';
export * from './lib/decode-text';
export * from './lib/import-cell';
export * from './lib/import-columns';
export * from './lib/import-file.error';
export * from './lib/parse-time';
export * from './lib/read-import-file';
export * from './lib/validate-row';
export * from './lib/xlsx-rows';
