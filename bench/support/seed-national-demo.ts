import { prepareNationalDemo } from './national-demo';

/**
 * `npm run bench`'s first step: seeds the national demo once (or finds it seeded by an earlier run
 * from the same sources in the same month), so the benchmarks that need it each start on a copy.
 */
prepareNationalDemo().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
