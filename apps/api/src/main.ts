import 'reflect-metadata';
import { loadConfig } from '@scorecard/server-config';
import { createApiApplication } from './bootstrap';

// Started by the launcher: leave when it goes, even if it was killed outright.
process.on('disconnect', () => process.exit(0));

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApplication(config);
  await app.listen(config.port, config.host);
  process.send?.({ type: 'ready', url: await app.getUrl() });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
