// The part of the scoring library the web app bundles: the agency tree (read by the access
// rules) and the improvement hints. The web app's stricter compiler settings apply to these files.
export * from './lib/agency-tree';
export * from './lib/agency-tree.error';
export * from './lib/improvement';
