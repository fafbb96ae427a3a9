export * from './lib/default-scheme';
export * from './lib/month-due-date.service';
export * from './lib/months.module';
export * from './lib/period-computation.service';
export * from './lib/period-publication.service';
export * from './lib/period-results.calculator';
export * from './lib/period-schedule.service';
export * from './lib/star-schedule.service';
