import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

const MAX_BYTES = 3 * 1024 * 1024;

describe('POST /imports (upload)', () => {
  let api: ApiTestApp;
  let head: string;
  let importDir: string;

  beforeAll(async () => {
    importDir = `.data/test-imports-upload-${process.pid}`;
    api = await startApiTestApp({ IMPORT_MAX_BYTES: String(MAX_BYTES), IMPORT_DIR: importDir });
    head = await api.login('head-330102');
  });
  afterAll(() => api.close());

  /** What PostgreSQL holds of uploads: imports and stored chunks, and the transactions still open. */
  const stored = async () => {
    const [row] = await api.dataSource.query(
      `SELECT (SELECT count(*)::int FROM import_file) AS files,
              (SELECT count(*)::int FROM import_upload_chunk) AS chunks`,
    );
    return row as { files: number; chunks: number };
  };
  /** Uploads that left a transaction open (a connection holding a half-stored file). */
  const openUploads = async () =>
    (
      await api.dataSource.query(
        `SELECT count(*)::int AS count FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`,
      )
    )[0].count as number;

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
    expect(row.content_hash).toBe(
      createHash('sha256').update('agency_code,rated_at,channel,level\n').digest('hex'),
    );
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

  it('stores a file of several chunks in PostgreSQL byte for byte, on no disk of its own', async () => {
    // Bytes of every value, 2.5 MiB: three chunks, the last one short.
    const content = randomBytes(2.5 * 1024 * 1024);
    const form = new FormData();
    form.append('kind', 'ratings');
    form.append('file', new Blob([content]), 'ratings.csv');
    const response = await fetch(`${api.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${head}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: string };
    const chunks: { seq: number; data: Buffer }[] = await api.dataSource.query(
      'SELECT seq, data FROM import_upload_chunk WHERE import_id = $1 ORDER BY seq',
      [importId],
    );
    expect(chunks.map((chunk) => chunk.data.length)).toEqual([
      1024 * 1024,
      1024 * 1024,
      512 * 1024,
    ]);
    const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    expect(sha256(Buffer.concat(chunks.map((chunk) => chunk.data)))).toBe(sha256(content));
    const [file] = await api.dataSource.query(
      'SELECT size_bytes::int AS size, content_hash FROM import_file WHERE id = $1',
      [importId],
    );
    expect(file).toEqual({ size: content.length, content_hash: sha256(content) });
    // The API wrote nothing to its disk: it has no upload folder at all.
    expect(existsSync(importDir)).toBe(false);
  });

  it('answers 413 for a file over the size limit and keeps nothing of it', async () => {
    const before = await stored();
    const response = await upload(
      head,
      { kind: 'ratings' },
      { name: 'big.csv', content: 'x'.repeat(MAX_BYTES + 1) },
    );
    expect(response.status).toBe(413);
    expect(await stored()).toEqual(before);
    expect(await openUploads()).toBe(0);
  });

  it('answers 413 at once to a 2 GB upload, before storing or reading it', async () => {
    const before = await stored();
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
    expect(await stored()).toEqual(before);
  });

  it('answers 400 for an unknown kind, a missing file or an empty one; 403 for staff; 401 without a token', async () => {
    const before = await stored();
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
    // Nothing of the refused files is kept, nor any transaction left open with half of one.
    await new Promise((settled) => setTimeout(settled, 200));
    expect(await stored()).toEqual(before);
    expect(await openUploads()).toBe(0);
  });
});
