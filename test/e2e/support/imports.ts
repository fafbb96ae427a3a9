import { api, baseUrl, waitUntil } from './http';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of every shape
type Json = any;

/** Uploads a file as a person would (multipart), then waits for its job to finish. */
export async function importFile(
  token: string,
  kind: string,
  fileName: string,
  content: string | Uint8Array,
  fields: Record<string, string> = {},
): Promise<{ status: number; body: Json; job?: Json }> {
  const form = new FormData();
  form.append('kind', kind);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
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
  return { status: response.status, body, job: await jobFinished(token, body.jobId) };
}

/** Waits until a job has completed or failed, and gives its state as GET /jobs/:id answers it. */
export function jobFinished(token: string, jobId: string): Promise<Json> {
  return waitUntil(
    async () => {
      const { body: state } = await api('GET', `/jobs/${jobId}`, { token });
      return state.state === 'completed' || state.state === 'failed' ? state : undefined;
    },
    `import job ${jobId}`,
    120_000,
  );
}
