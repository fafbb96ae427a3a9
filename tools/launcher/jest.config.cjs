module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'launcher',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
};
