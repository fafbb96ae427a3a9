/** Small HTTP client for the end-to-end tests: the product over real HTTP, nothing in-process. */
export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: run through test/e2e/jest.config.cjs');
  return url;
}

export async function api(
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of every shape
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function login(username: string, password = 'demo'): Promise<string> {
  const { status, body } = await api('POST', '/auth/login', { body: { username, password } });
  if (status !== 200) throw new Error(`login ${username}: ${status} ${JSON.stringify(body)}`);
  return body.accessToken as string;
}

export async function waitUntil<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
