export * from './lib/agency.contract';
export * from './lib/audit.contract';
export * from './lib/auth.contract';
export * from './lib/indicator.contract';
export * from './lib/job.contract';
export * from './lib/period.contract';
export * from './lib/ranking.contract';
export * from './lib/submission.contract';
