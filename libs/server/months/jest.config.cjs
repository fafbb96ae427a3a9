module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-months',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
