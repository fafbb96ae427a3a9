// The part of the scoring library the web app bundles: the agency tree (read by the access
// rules), the improvement hints, who issues the bulletin, the working-day calendar with the
// due dates it decides, and an indicator's rate from its figures (the nation's compact tables). The web app's stricter compiler
// settings apply to these files.
export * from './lib/agency-tree';
export * from './lib/agency-tree.error';
export * from './lib/bulletin-issuer';
export * from './lib/improvement';
export * from './lib/calendar-year-problems';
export * from './lib/period-month';
export * from './lib/rate-of-figures';
export * from './lib/reporting-window';
export * from './lib/window-pattern';
export * from './lib/working-calendar';
