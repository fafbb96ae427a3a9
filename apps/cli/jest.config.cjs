module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'cli',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/integration/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/../../libs/server/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/server/testing/src/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};
