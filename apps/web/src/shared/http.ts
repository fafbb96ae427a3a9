/**
 * A small fetch wrapper for the Scorecard API: JSON in and out, bearer token, typed errors.
 * A 401 on an authenticated call renews the token once (`renewToken`, shared by every call that
 * meets the 401 meanwhile) and sends the call again; a 401 that stands runs `onUnauthorized`.
 */

export type QueryValue = string | number | boolean | null | undefined;

export type ApiErrorKind = 'network' | 'http' | 'parse';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    message: string,
    /** The parsed error body, if any. */
    readonly body: unknown = null,
  ) {
    super(message);
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

export interface HttpClientOptions {
  baseUrl: string;
  /** Current access token, or null when logged out. */
  getToken?: () => string | null;
  /**
   * Gets a new access token after a 401: true once `getToken` gives one, false when the session
   * cannot be renewed. Never called twice at once: concurrent 401s wait for the same renewal.
   */
  renewToken?: () => Promise<boolean>;
  /** Called when an authenticated call is answered 401 and renewing did not help. */
  onUnauthorized?: () => void;
  /** The language the user reads, sent as `Accept-Language` so the API words its errors in it. */
  getLanguage?: () => string | null;
  fetchFn?: typeof fetch;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Send the bearer token and treat 401 as an expired session (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface HttpClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  put<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** POSTs a multipart form (file uploads); the browser sets the boundary. */
  postForm<T>(path: string, form: FormData, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** GETs a file (spreadsheet, CSV) with the bearer token, as a Blob and its suggested name. */
  download(
    path: string,
    options?: Omit<RequestOptions, 'body'>,
  ): Promise<{ blob: Blob; fileName: string | null }>;
}

/** The file name of a Content-Disposition header, preferring the UTF-8 `filename*`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

/** A cancelled request (`AbortController.abort()`), whichever realm made the exception. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

export function buildUrl(
  baseUrl: string,
  path: string,
  query?: Record<string, QueryValue>,
): string {
  const base = baseUrl.replace(/\/+$/, '');
  const suffix = path.startsWith('/') ? path : `/${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const search = params.toString();
  return `${base}${suffix}${search ? `?${search}` : ''}`;
}

/** The message of a NestJS-style error body (`message` may be a string or a list). */
export function errorMessageOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (typeof message === 'string' && message) return message;
    if (Array.isArray(message) && message.length) return message.map(String).join('; ');
  }
  if (typeof body === 'string' && body.trim()) return body.trim();
  return fallback;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchFn = options.fetchFn ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  // The renewal under way, if any. A refresh token is spent once used and presenting it again
  // ends the whole session, so a second 401 must wait for this one rather than start its own.
  let renewal: Promise<boolean> | null = null;
  function renewAfter(sentWith: string | null): Promise<boolean> {
    const renewToken = options.renewToken;
    if (!renewToken) return Promise.resolve(false);
    if (renewal) return renewal;
    // Renewed since this call was sent (its 401 arrived late): the new token is already here.
    const current = options.getToken?.() ?? null;
    if (current !== null && current !== sentWith) return Promise.resolve(true);
    renewal = renewToken().finally(() => {
      renewal = null;
    });
    return renewal;
  }

  async function send(
    method: string,
    path: string,
    opts: RequestOptions,
    accept = 'application/json',
    retried = false,
  ): Promise<Response> {
    const auth = opts.auth ?? true;
    const headers: Record<string, string> = { Accept: accept };
    const language = options.getLanguage?.() ?? null;
    if (language) headers['Accept-Language'] = language;
    const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;
    if (opts.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
    const token = auth ? (options.getToken?.() ?? null) : null;
    if (token) headers.Authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await fetchFn(buildUrl(options.baseUrl, path, opts.query), {
        method,
        headers,
        body:
          opts.body === undefined
            ? undefined
            : isForm
              ? (opts.body as FormData)
              : JSON.stringify(opts.body),
        signal: opts.signal,
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new ApiError('network', 0, error instanceof Error ? error.message : String(error));
    }

    if (!response.ok) {
      const body = await readBody(response).catch(() => null);
      if (response.status === 401 && auth && !retried && (await renewAfter(token))) {
        return send(method, path, opts, accept, true);
      }
      if (response.status === 401 && auth) options.onUnauthorized?.();
      throw new ApiError(
        'http',
        response.status,
        errorMessageOf(body, response.statusText || `HTTP ${response.status}`),
        body,
      );
    }
    return response;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const response = await send(method, path, opts);
    if (response.status === 204) return undefined as T;
    const body = await readBody(response);
    if (typeof body === 'string') {
      throw new ApiError('parse', response.status, 'Expected a JSON answer', body);
    }
    return body as T;
  }

  return {
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    postForm: (path, form, opts) => request('POST', path, { ...opts, body: form }),
    download: async (path, opts) => {
      const response = await send('GET', path, opts ?? {}, '*/*');
      return {
        blob: await response.blob(),
        fileName: fileNameOf(response.headers.get('content-disposition')),
      };
    },
  };
}
