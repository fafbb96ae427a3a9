module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-imports',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
