export * from './lib/demo.module';
export * from './lib/demo-province.seeder';
export * from './lib/demo-nation.seeder';
export * from './lib/demo-follow-up';
