export interface HttpAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of every shape
  body: any;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as `Accept-Language`; without it the API answers in its default language, Chinese. */
  language?: string;
}

export interface HttpClient {
  request(method: string, path: string, options?: RequestOptions): Promise<HttpAnswer>;
  /** Logs in and returns the access token; throws on anything but 200. */
  login(username: string, password?: string): Promise<string>;
  /**
   * The first login of an account an administrator created: logs in with the initial password and
   * sets `newPassword` in its place (as the owner must before anything else); returns the access token.
   */
  firstLogin(username: string, initialPassword: string, newPassword: string): Promise<string>;
}

/** A JSON client for the API under `${baseUrl}/api`, over real HTTP. */
export function createHttpClient(baseUrl: () => string): HttpClient {
  const request: HttpClient['request'] = async (method, path, options = {}) => {
    const response = await fetch(`${baseUrl()}/api${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.language ? { 'accept-language': options.language } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return {
    request,
    async login(username, password = 'demo') {
      const { status, body } = await request('POST', '/auth/login', { body: { username, password } });
      if (status !== 200) throw new Error(`login ${username}: ${status} ${JSON.stringify(body)}`);
      return body.accessToken as string;
    },
    async firstLogin(username, initialPassword, newPassword) {
      const { status, body } = await request('POST', '/auth/login', { body: { username, password: initialPassword } });
      if (status !== 200) throw new Error(`login ${username}: ${status} ${JSON.stringify(body)}`);
      const token = body.accessToken as string;
      const changed = await request('POST', '/auth/password', {
        token,
        body: { currentPassword: initialPassword, newPassword },
      });
      if (changed.status !== 200) throw new Error(`password of ${username}: ${changed.status} ${JSON.stringify(changed.body)}`);
      return token;
    },
  };
}
