// Jest loads global setup outside its module mapper, so the alias is spelled out as a path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { LocalServices } from '../../embedded/src';

export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __scorecardServices?: LocalServices }).__scorecardServices;
  await services?.stop();
}
