export * from './lib/free-port';
export * from './lib/embedded-postgres';
export * from './lib/embedded-redis';
export * from './lib/local-services';
export * from './lib/postgres-runtime';
