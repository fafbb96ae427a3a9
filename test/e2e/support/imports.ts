import { api, baseUrl, waitUntil } from './http';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of every shape
type Json = any;

/** Uploads a file as a person would (multipart), then waits for its job to finish. */
export async function importFile(
  token: string,
  kind: string,
  fileName: string,
  content: string | Uint8Array,
): Promise<{ status: number; body: Json; job?: Json }> {
  const form = new FormData();
  form.append('kind', kind);
  form.append(
    'file',
    new Blob([typeof content === 'string' ? content : new Uint8Array(content)]),
    fileName,
  );
  const response = await fetch(`${baseUrl()}/api/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await response.json();
  if (response.status !== 202) return { status: response.status, body };
  const job = await waitUntil(
    async () => {
      const { body: state } = await api('GET', `/jobs/${body.jobId}`, { token });
      return state.state === 'completed' || state.state === 'failed' ? state : undefined;
    },
    `import job ${body.jobId}`,
    120_000,
  );
  return { status: response.status, body, job };
}
