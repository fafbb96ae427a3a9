import type { AgencyNode } from '../agency-tree';

/** Province → 2 cities → 2 counties each, as in the demo province. */
export const PROVINCE_TREE: readonly AgencyNode[] = [
  { code: '330000', parentCode: null },
  { code: '330100', parentCode: '330000' },
  { code: '330200', parentCode: '330000' },
  { code: '330102', parentCode: '330100' },
  { code: '330105', parentCode: '330100' },
  { code: '330203', parentCode: '330200' },
  { code: '330205', parentCode: '330200' },
];
