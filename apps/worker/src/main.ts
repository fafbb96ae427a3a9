import 'reflect-metadata';
import { loadConfig } from '@scorecard/server-config';
import { createWorkerContext } from './bootstrap';

// Started by the launcher: leave when it goes, even if it was killed outright.
process.on('disconnect', () => process.exit(0));

async function main(): Promise<void> {
  await createWorkerContext(loadConfig());
  process.send?.({ type: 'ready' });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
