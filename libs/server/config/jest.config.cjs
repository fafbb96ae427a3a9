module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-config',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
