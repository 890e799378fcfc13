/** A tiny HTTP client with a cookie jar, so tests talk to the server like a browser does. */
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly defaultHeaders: Record<string, string>;
  /** Each client looks like its own device: a distinct address (the test app trusts X-Forwarded-For). */
  constructor(
    readonly baseUrl: string,
    headers: Record<string, string> = {},
  ) {
    const ip = `10.${rand(255)}.${rand(255)}.${rand(254) + 1}`;
    this.defaultHeaders = { 'x-forwarded-for': ip, ...headers };
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { json?: unknown; headers?: Record<string, string>; body?: BodyInit; signal?: AbortSignal } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    this.storeCookies(response.headers);
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  storeCookies(headers: Headers) {
    for (const cookie of headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get = <T = any>(path: string, headers?: Record<string, string>) =>
    this.request<T>('GET', path, headers ? { headers } : {});
  post = <T = any>(path: string, json?: unknown, headers?: Record<string, string>) =>
    this.request<T>('POST', path, {
      ...(json !== undefined ? { json } : {}),
      ...(headers ? { headers } : {}),
    });
  patch = <T = any>(path: string, json?: unknown) => this.request<T>('PATCH', path, { json });
  delete = <T = any>(path: string, json?: unknown) =>
    this.request<T>('DELETE', path, json !== undefined ? { json } : {});
}

const rand = (n: number) => Math.floor(Math.random() * n);

let counter = 0;
/** A unique, valid registration body. */
export function newAccount(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    email: `user${Date.now()}${counter}${Math.floor(Math.random() * 1e6)}@example.com`,
    password: 'une phrase de passe solide 2026',
    displayName: 'Camille Test',
    language: 'fr',
    acceptPrivacyNotice: true,
    confirmAdult: true,
    ...overrides,
  };
}

/** Registers and logs in a new account; returns the logged-in client. */
export async function signUp(baseUrl: string, overrides: Record<string, unknown> = {}) {
  const client = new TestClient(baseUrl);
  const account = newAccount(overrides);
  const registered = await client.post('/api/auth/register', account);
  if (registered.status !== 202) throw new Error(`register failed: ${registered.status} ${registered.text}`);
  const logged = await client.post('/api/auth/login', { email: account.email, password: account.password });
  if (logged.status !== 200) throw new Error(`login failed: ${logged.status} ${logged.text}`);
  return { client, account, user: logged.body.user as { id: string; email: string } };
}
