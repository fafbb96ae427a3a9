module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: 'server-provisioning',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
