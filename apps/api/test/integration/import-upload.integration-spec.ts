import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

describe('POST /imports (upload)', () => {
  let api: ApiTestApp;
  let head: string;
  let importDir: string;

  beforeAll(async () => {
    importDir = `.data/test-imports-upload-${process.pid}`;
    api = await startApiTestApp({ IMPORT_MAX_BYTES: '4096', IMPORT_DIR: importDir });
    head = await api.login('head-330102');
  });
  afterAll(() => api.close());

  const upload = (
    token: string | undefined,
    fields: Record<string, string>,
    file?: { name: string; content: string },
  ) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file) form.append('file', new Blob([file.content]), file.name);
    return fetch(`${api.baseUrl}/api/imports`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
  };

  it('accepts a file with 202, queues its job and records the upload with its content hash', async () => {
    const response = await upload(
      head,
      { kind: 'ratings' },
      { name: '评价.csv', content: 'agency_code,rated_at,channel,level\n' },
    );
    expect(response.status).toBe(202);
    const body = (await response.json()) as { jobId: string; importId: string };
    expect(body).toEqual({ jobId: `import-${body.importId}`, importId: expect.any(String) });
    const [row] = await api.dataSource.query(
      'SELECT kind, file_name, status, uploaded_by, content_hash FROM import_file WHERE id = $1',
      [body.importId],
    );
    expect(row).toMatchObject({
      kind: 'ratings',
      file_name: '评价.csv',
      status: 'queued',
      uploaded_by: 'head-330102',
    });
    expect(row.content_hash).toMatch(/^[0-9a-f]{64}$/);
    const seen = await api.request('GET', `/imports/${body.importId}`, { token: head });
    expect(seen.body).toMatchObject({ id: body.importId, status: 'queued', errors: [] });
    expect(
      (
        await api.request('GET', `/imports/${body.importId}`, {
          token: await api.login('head-330105'),
        })
      ).status,
    ).toBe(404);
  });

  it('answers 413 for a file over the size limit and keeps nothing of it', async () => {
    const before = readdirSync(importDir).length;
    const response = await upload(
      head,
      { kind: 'ratings' },
      { name: 'big.csv', content: 'x'.repeat(5000) },
    );
    expect(response.status).toBe(413);
    expect(readdirSync(importDir).length).toBe(before);
  });

  it('answers 413 at once to a 2 GB upload, before storing or reading it', async () => {
    const before = readdirSync(importDir).length;
    const twoGigabytes = 2 * 1024 ** 3;
    const boundary = 'scorecard-boundary';
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL('/api/imports', api.baseUrl);
      const request = httpRequest(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${head}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(twoGigabytes),
        },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      // Only the start of the form is ever sent: the answer must not wait for the file.
      request.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nratings\r\n`,
      );
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      statusCode: 413,
      message: expect.stringMatching(/^文件过大/),
    });
    expect(readdirSync(importDir).length).toBe(before);
  });

  it('answers 400 for an unknown kind, a missing file or an empty one; 403 for staff; 401 without a token', async () => {
    expect((await upload(head, { kind: 'gossip' }, { name: 'x.csv', content: 'a' })).status).toBe(
      400,
    );
    expect((await upload(head, { kind: 'ratings' })).status).toBe(400);
    expect(
      (await upload(head, { kind: 'ratings' }, { name: 'empty.csv', content: '' })).status,
    ).toBe(400);
    expect(
      (
        await upload(
          await api.login('staff-330102-1'),
          { kind: 'ratings' },
          { name: 'x.csv', content: 'a' },
        )
      ).status,
    ).toBe(403);
    expect(
      (await upload(undefined, { kind: 'ratings' }, { name: 'x.csv', content: 'a' })).status,
    ).toBe(401);
  });
});
