export * from './lib/test-database';
export * from './lib/test-config';
export * from './lib/wait-for';
export * from './lib/http-client';
export * from './lib/seed-demo';
export * from './lib/separate-redis';
export * from './lib/worker-process';
