import { request as httpRequest } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

const MiB = 1024 * 1024;
const FILE_BYTES = 96 * MiB;

/**
 * What the process holds right now, garbage collected first: how much memory an upload keeps, not
 * how lazily the collector returns what it no longer needs.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function heldBytes(): number {
  collectGarbage();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
}

/**
 * A large upload streams through the API into PostgreSQL a chunk at a time: what the API holds
 * grows by far less than the file (it is never held whole).
 */
describe('POST /imports of a large file', () => {
  let api: ApiTestApp;
  let head: string;

  beforeAll(async () => {
    api = await startApiTestApp({ IMPORT_MAX_BYTES: String(256 * MiB) });
    head = await api.login('head-330102');
  });
  afterAll(() => api.close());

  it(`stores ${FILE_BYTES / MiB} MiB while holding less than half of it at any time`, async () => {
    const boundary = 'scorecard-large-upload';
    const head1 = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nratings\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="large.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    // The test's own side sends the same 64 KiB block again and again: it holds nothing more.
    const block = Buffer.alloc(64 * 1024, 'a');
    const before = heldBytes();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, heldBytes())), 250);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(new URL('/api/imports', api.baseUrl), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${head}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(Buffer.byteLength(head1) + FILE_BYTES + Buffer.byteLength(tail)),
        },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.write(head1);
      let sent = 0;
      const send = () => {
        while (sent < FILE_BYTES) {
          sent += block.length;
          if (!request.write(block)) return void request.once('drain', send);
        }
        request.end(tail);
      };
      send();
    }).finally(() => clearInterval(sampler));
    expect(answer.status).toBe(202);
    // Held whole, the file shows as three times its size; the rest is the collector's timing,
    // which varies with the machine's load.
    expect(peak - before).toBeLessThan(FILE_BYTES / 2);
    const { importId } = JSON.parse(answer.body) as { importId: string };
    const [stored] = await api.dataSource.query(
      `SELECT count(*)::int AS chunks, sum(length(data))::bigint::text AS bytes
         FROM import_upload_chunk WHERE import_id = $1`,
      [importId],
    );
    expect(stored).toEqual({ chunks: FILE_BYTES / MiB, bytes: String(FILE_BYTES) });
  }, 120_000);
});
