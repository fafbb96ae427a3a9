import { createHttpClient } from '@scorecard/server-testing';

/** The product over real HTTP, nothing in-process. */
export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: run through test/e2e/jest.config.cjs');
  return url;
}

const client = createHttpClient(baseUrl);
export const api = client.request;
export const login = client.login;

export async function waitUntil<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
