export * from './lib/app-config';
export * from './lib/load-config';
export * from './lib/app-config.module';
export * from './lib/launcher-config';
export * from './lib/logger.module';
export * from './lib/node-flags';
