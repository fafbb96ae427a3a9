import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

describe('hardening', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp({ CORS_ORIGINS: 'https://scorecard.example.gov.cn' });
  });
  afterAll(() => api.close());

  it('refuses bodies over the size limit with 413 and the uniform error shape', async () => {
    const token = await api.login('admin');
    const response = await fetch(`${api.baseUrl}/api/submissions/${OPEN_PERIOD}/330102`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ values: {}, padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    const body = await response.json();
    expect(body).toMatchObject({ statusCode: 413 });
    expect(JSON.stringify(body)).not.toMatch(/node_modules|at \w+ \(/);
  });

  it('answers malformed JSON with 400 and no stack trace', async () => {
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "admin", ',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/node_modules|at \w+ \(|SyntaxError: /);
    expect(JSON.parse(text)).toMatchObject({ statusCode: 400, error: 'BAD_REQUEST' });
  });

  it('allows cross-origin calls only from the configured web origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.baseUrl}/api/periods`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('https://scorecard.example.gov.cn');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://scorecard.example.gov.cn');
    const foreign = await preflight('https://evil.example.com');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers and echoes a request id', async () => {
    const response = await fetch(`${api.baseUrl}/api/health`, { headers: { 'x-request-id': 'trace-42' } });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('tells browsers and proxies not to keep API answers', async () => {
    const token = await api.login('admin');
    for (const path of ['/api/health', '/api/periods', '/api/nowhere']) {
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect({ path, cacheControl: response.headers.get('cache-control') }).toEqual({ path, cacheControl: 'no-store' });
    }
  });

  it('serves the OpenAPI document outside production', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
  });
});

describe('hardening in production', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp({ NODE_ENV: 'production', SCORECARD_DEMO: 'true', API_DOCS: '' });
  });
  afterAll(() => api.close());

  it('keeps the OpenAPI document off unless it is enabled', async () => {
    for (const path of ['/api/docs', '/api/docs-json']) {
      const response = await fetch(`${api.baseUrl}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });
});

