import { describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, createHttpClient, errorMessageOf, fileNameOf } from './http';

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

describe('writes and files', () => {
  it('PUTs JSON and POSTs forms without forcing a content type', async () => {
    const { client, fetchFn } = setup(jsonResponse(200, { version: 2 }));
    await expect(client.put('/submissions/2026-09/330102', { values: {} })).resolves.toEqual({
      version: 2,
    });
    expect(fetchFn.mock.calls[0]?.[1]?.method).toBe('PUT');
    const form = new FormData();
    form.append('kind', 'ratings');
    fetchFn.mockResolvedValueOnce(jsonResponse(202, { jobId: 'j1' }));
    await client.postForm('/imports', form);
    const init = fetchFn.mock.calls[1]?.[1];
    expect(init?.body).toBe(form);
    expect((init?.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('downloads a file with its suggested name', async () => {
    const { client, fetchFn } = setup(
      new Response('a,b', {
        status: 200,
        headers: {
          'content-type': 'text/csv',
          'content-disposition':
            'attachment; filename="x.xlsx"; filename*=UTF-8\'\'%E9%80%9A%E6%8A%A5.xlsx',
        },
      }),
    );
    const { blob, fileName } = await client.download('/rankings/export.xlsx');
    expect(fileName).toBe('通报.xlsx');
    expect(await blob.text()).toBe('a,b');
    expect((fetchFn.mock.calls[0]?.[1]?.headers as Record<string, string>).Authorization).toBe(
      'Bearer tok-1',
    );
    expect(fileNameOf('attachment; filename="import-errors.csv"')).toBe('import-errors.csv');
    expect(fileNameOf(null)).toBeNull();
  });
});
