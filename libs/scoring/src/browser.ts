// The part of the scoring library the web app bundles: the agency tree (read by the access
// rules), the improvement hints and who issues the bulletin. The web app's stricter compiler
// settings apply to these files.
export * from './lib/agency-tree';
export * from './lib/agency-tree.error';
export * from './lib/bulletin-issuer';
export * from './lib/improvement';
