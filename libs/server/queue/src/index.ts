export * from './lib/queue-names';
export * from './lib/compute-period.job';
export * from './lib/queue.module';
export * from './lib/compute-period.producer';
export * from './lib/import-file.job';
export * from './lib/import-file.producer';
export * from './lib/job-status.service';
export * from './lib/schedules';
