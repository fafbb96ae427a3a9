import { describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, createHttpClient, errorMessageOf } from './http';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function setup(response: Response | { reject: unknown }, token: string | null = 'tok-1') {
  const fetchFn = vi.fn<typeof fetch>(() =>
    response instanceof Response ? Promise.resolve(response) : Promise.reject(response.reject),
  );
  const onUnauthorized = vi.fn();
  const client = createHttpClient({
    baseUrl: '/api',
    getToken: () => token,
    onUnauthorized,
    fetchFn,
  });
  return { client, fetchFn, onUnauthorized };
}

describe('buildUrl', () => {
  it('joins the base and path and drops empty query values', () => {
    expect(
      buildUrl('/api/', '/rankings', { period: '2026-09', level: 'city', parent: null, x: '' }),
    ).toBe('/api/rankings?period=2026-09&level=city');
    expect(buildUrl('/api', 'periods')).toBe('/api/periods');
  });
});

describe('errorMessageOf', () => {
  it('reads NestJS error bodies', () => {
    expect(errorMessageOf({ message: 'Invalid credentials' }, 'x')).toBe('Invalid credentials');
    expect(errorMessageOf({ message: ['a must be set', 'b too'] }, 'x')).toBe(
      'a must be set; b too',
    );
    expect(errorMessageOf(null, 'fallback')).toBe('fallback');
  });
});

describe('createHttpClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    const { client, fetchFn } = setup(jsonResponse(200, [{ period: '2026-09' }]));
    await expect(client.get('/periods')).resolves.toEqual([{ period: '2026-09' }]);
    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(url).toBe('/api/periods');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
  });

  it('posts JSON without a token when auth is off', async () => {
    const { client, fetchFn } = setup(jsonResponse(200, { accessToken: 'a' }));
    await client.post('/auth/login', { username: 'admin', password: 'demo' }, { auth: false });
    const init = fetchFn.mock.calls[0]?.[1];
    const headers = init?.headers as Record<string, string>;
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"username":"admin","password":"demo"}');
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers.Authorization).toBeUndefined();
  });

  it('turns a 401 on an authenticated call into a logout', async () => {
    const { client, onUnauthorized } = setup(jsonResponse(401, { message: 'Unauthorized' }));
    const error = await client.get('/rankings').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).isUnauthorized).toBe(true);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('does not log out on a failed login (401 with auth off)', async () => {
    const { client, onUnauthorized } = setup(jsonResponse(401, { message: 'Wrong password' }));
    await expect(client.post('/auth/login', {}, { auth: false })).rejects.toMatchObject({
      status: 401,
      message: 'Wrong password',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('reports HTTP errors with the server message and body', async () => {
    const body = { statusCode: 400, message: ['period must be YYYY-MM'] };
    const { client } = setup(jsonResponse(400, body));
    await expect(client.get('/rankings')).rejects.toMatchObject({
      kind: 'http',
      status: 400,
      message: 'period must be YYYY-MM',
      body,
    });
  });

  it('reports network failures as status 0', async () => {
    const { client } = setup({ reject: new TypeError('Failed to fetch') });
    await expect(client.get('/periods')).rejects.toMatchObject({
      kind: 'network',
      status: 0,
      message: 'Failed to fetch',
    });
  });

  it('rejects a non-JSON success (e.g. the SPA page instead of the API)', async () => {
    const { client } = setup(
      new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    await expect(client.get('/periods')).rejects.toMatchObject({ kind: 'parse' });
  });

  it('lets an abort through untouched', async () => {
    const abort = new DOMException('aborted', 'AbortError');
    const { client } = setup({ reject: abort });
    await expect(client.get('/periods')).rejects.toBe(abort);
  });
});
