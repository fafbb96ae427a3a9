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
  it('asks for answers in the language the page shows, as it is when each call is sent', async () => {
    let language = 'zh-CN';
    const fetchFn = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse(200, {})));
    const client = createHttpClient({ baseUrl: '/api', getLanguage: () => language, fetchFn });
    await client.get('/periods');
    language = 'en';
    await client.post('/periods/2026-10/lock', {});
    const sent = fetchFn.mock.calls.map(
      ([, init]) => (init?.headers as Record<string, string>)['Accept-Language'],
    );
    expect(sent).toEqual(['zh-CN', 'en']);
  });

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

/**
 * A fake API whose access tokens are `tok-N`: only the newest is accepted, and each renewal hands
 * out the next one after the test lets it finish.
 */
function renewingApi() {
  let current = 1;
  let held = 'tok-1';
  const finishRenewal: (() => void)[] = [];
  const fetchFn = vi.fn<typeof fetch>((_url, init) => {
    const sent = (init?.headers as Record<string, string>).Authorization;
    return Promise.resolve(
      sent === `Bearer tok-${current}`
        ? jsonResponse(200, { ok: sent })
        : jsonResponse(401, { message: 'expired' }),
    );
  });
  const renewToken = vi.fn(
    () =>
      new Promise<boolean>((resolve) => {
        finishRenewal.push(() => {
          current += 1;
          held = `tok-${current}`;
          resolve(true);
        });
      }),
  );
  const onUnauthorized = vi.fn();
  const client = createHttpClient({
    baseUrl: '/api',
    getToken: () => held,
    renewToken,
    onUnauthorized,
    fetchFn,
  });
  const expire = () => {
    current += 1;
  };
  const waitForRenewal = () => vi.waitFor(() => expect(finishRenewal.length).toBeGreaterThan(0));
  return { client, fetchFn, renewToken, onUnauthorized, expire, finishRenewal, waitForRenewal };
}

describe('renewing an expired token', () => {
  it('renews once on a 401 and sends the call again with the new token', async () => {
    const api = renewingApi();
    api.expire();
    const answer = api.client.put('/submissions/2026-09/330102', { values: {} });
    await api.waitForRenewal();
    api.finishRenewal.shift()?.();
    await expect(answer).resolves.toEqual({ ok: 'Bearer tok-3' });
    expect(api.renewToken).toHaveBeenCalledTimes(1);
    expect(api.fetchFn).toHaveBeenCalledTimes(2);
    expect(api.fetchFn.mock.calls[1]?.[1]?.body).toBe('{"values":{}}');
    expect(api.onUnauthorized).not.toHaveBeenCalled();
  });

  it('shares one renewal among concurrent 401s', async () => {
    const api = renewingApi();
    api.expire();
    const answers = Promise.all([
      api.client.get('/notifications'),
      api.client.get('/periods'),
      api.client.get('/agencies'),
    ]);
    await api.waitForRenewal();
    await vi.waitFor(() => expect(api.fetchFn).toHaveBeenCalledTimes(3));
    api.finishRenewal.shift()?.();
    await expect(answers).resolves.toHaveLength(3);
    expect(api.renewToken).toHaveBeenCalledTimes(1);
    expect(api.fetchFn).toHaveBeenCalledTimes(6);
  });

  it('does not renew again for a 401 that arrives after the renewal ended', async () => {
    let held = 'old';
    let releaseLate: (response: Response) => void = () => undefined;
    const fetchFn = vi.fn<typeof fetch>((url, init) => {
      const sent = (init?.headers as Record<string, string>).Authorization;
      if (sent === 'Bearer new') return Promise.resolve(jsonResponse(200, { url }));
      if (String(url).endsWith('/slow')) {
        return new Promise<Response>((resolve) => (releaseLate = resolve));
      }
      return Promise.resolve(jsonResponse(401, { message: 'expired' }));
    });
    const renewToken = vi.fn(() => {
      held = 'new';
      return Promise.resolve(true);
    });
    const client = createHttpClient({ baseUrl: '/api', getToken: () => held, renewToken, fetchFn });

    const slow = client.get('/slow');
    await expect(client.get('/fast')).resolves.toEqual({ url: '/api/fast' });
    releaseLate(jsonResponse(401, { message: 'expired' }));
    await expect(slow).resolves.toEqual({ url: '/api/slow' });
    expect(renewToken).toHaveBeenCalledTimes(1);
  });

  it('retries only once, and a 401 that stands runs onUnauthorized', async () => {
    const fetchFn = vi.fn<typeof fetch>(() =>
      Promise.resolve(jsonResponse(401, { message: 'no' })),
    );
    let held = 'a';
    const renewToken = vi.fn(() => {
      held = `${held}a`;
      return Promise.resolve(true);
    });
    const onUnauthorized = vi.fn();
    const client = createHttpClient({
      baseUrl: '/api',
      getToken: () => held,
      renewToken,
      onUnauthorized,
      fetchFn,
    });
    await expect(client.get('/periods')).rejects.toMatchObject({ status: 401 });
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(renewToken).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('gives up without a retry when the session cannot be renewed', async () => {
    const fetchFn = vi.fn<typeof fetch>(() =>
      Promise.resolve(jsonResponse(401, { message: 'no' })),
    );
    const onUnauthorized = vi.fn();
    const client = createHttpClient({
      baseUrl: '/api',
      getToken: () => 'a',
      renewToken: () => Promise.resolve(false),
      onUnauthorized,
      fetchFn,
    });
    await expect(client.get('/periods')).rejects.toMatchObject({ status: 401 });
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('never renews for a call made without the token (a failed login)', async () => {
    const renewToken = vi.fn(() => Promise.resolve(true));
    const client = createHttpClient({
      baseUrl: '/api',
      getToken: () => 'a',
      renewToken,
      fetchFn: () => Promise.resolve(jsonResponse(401, { message: 'bad password' })),
    });
    await expect(
      client.post('/auth/login', { username: 'x', password: 'y' }, { auth: false }),
    ).rejects.toMatchObject({ status: 401 });
    expect(renewToken).not.toHaveBeenCalled();
  });
});
